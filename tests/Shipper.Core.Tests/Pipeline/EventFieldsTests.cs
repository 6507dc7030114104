using System.Text.Json;
using Shipper.Core.Pipeline;
using Shipper.Events;
using Shipper.Processors;
using Shipper.Testing;

namespace Shipper.Core.Tests.Pipeline;

public class EventFieldsTests
{
    [Fact]
    public async Task Every_event_carries_its_timestamp_and_the_agent_ecs_and_host_fields()
    {
        var output = new CollectingOutput();
        await using var pipeline = TestPipeline.Create(output, out _);
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        client.Publish(TestEvents.Numbered(7), CancellationToken.None);
        await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        var json = Json(Assert.Single(output.Events));
        Assert.Equal("2026-01-01T00:00:00.000Z", json.GetProperty("@timestamp").GetString());
        Assert.Equal(7, json.GetProperty("seq").GetInt32());
        var agent = json.GetProperty("agent");
        Assert.Equal("test-shipper", agent.GetProperty("name").GetString());
        Assert.Equal("shipper", agent.GetProperty("type").GetString());
        Assert.Equal("0.1.0", agent.GetProperty("version").GetString());
        Assert.Equal("11111111-2222-3333-4444-555555555555", agent.GetProperty("id").GetString());
        Assert.Equal("66666666-7777-8888-9999-000000000000", agent.GetProperty("ephemeral_id").GetString());
        Assert.Equal("8.0.0", json.GetProperty("ecs").GetProperty("version").GetString());
        Assert.Equal("test-host", json.GetProperty("host").GetProperty("name").GetString());
        Assert.False(json.TryGetProperty("tags", out _));
        Assert.False(json.TryGetProperty("fields", out _));
    }

    [Fact]
    public async Task Fields_go_under_fields_unless_fields_under_root_and_a_module_value_wins_over_a_global_one()
    {
        var output = new CollectingOutput();
        var settings = TestPipeline.Settings();
        settings.Fields = new FieldMap().Add("env", "prod").Add("rack", 7);
        await using var pipeline = TestPipeline.Create(output, out _, settings);
        var underFields = pipeline.Connect(new ClientSettings { Fields = new FieldMap().Add("env", "staging") });
        var underRoot = pipeline.Connect(new ClientSettings { Fields = new FieldMap().Add("team", "sec"), FieldsUnderRoot = true });
        pipeline.Start();

        underFields.Publish(TestEvents.Numbered(0), CancellationToken.None);
        underRoot.Publish(TestEvents.Numbered(1), CancellationToken.None);
        await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        var first = Json(output.Events[0]);
        Assert.Equal("staging", first.GetProperty("fields").GetProperty("env").GetString());
        Assert.Equal(7, first.GetProperty("fields").GetProperty("rack").GetInt32());
        Assert.False(first.TryGetProperty("env", out _));

        var second = Json(output.Events[1]);
        Assert.Equal("sec", second.GetProperty("team").GetString());
        Assert.Equal("prod", second.GetProperty("fields").GetProperty("env").GetString());
    }

    [Fact]
    public async Task Global_fields_under_root_are_written_at_the_root()
    {
        var output = new CollectingOutput();
        var settings = TestPipeline.Settings();
        settings.Fields = new FieldMap().Add("datacenter", "eu-1");
        settings.FieldsUnderRoot = true;
        await using var pipeline = TestPipeline.Create(output, out _, settings);
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        client.Publish(TestEvents.Numbered(0), CancellationToken.None);
        await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        var json = Json(Assert.Single(output.Events));
        Assert.Equal("eu-1", json.GetProperty("datacenter").GetString());
        Assert.False(json.TryGetProperty("fields", out _));
    }

    [Fact]
    public async Task Tags_are_the_event_s_own_then_the_global_ones_then_the_module_s_without_repeats()
    {
        var output = new CollectingOutput();
        var settings = TestPipeline.Settings();
        settings.Tags = ["prod", "eu"];
        await using var pipeline = TestPipeline.Create(output, out _, settings);
        var client = pipeline.Connect(new ClientSettings { Tags = ["audit", "eu"] });
        pipeline.Start();

        var e = TestEvents.Numbered(0);
        e.Fields["tags"] = new List<string> { "own" };
        client.Publish(e, CancellationToken.None);
        await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        var tags = Json(Assert.Single(output.Events)).GetProperty("tags").EnumerateArray().Select(t => t.GetString());
        Assert.Equal(["own", "prod", "eu", "audit"], tags);
    }

    [Fact]
    public async Task Module_processors_see_global_fields_and_tags_but_not_built_ins_and_global_processors_see_everything()
    {
        var output = new CollectingOutput();
        var settings = TestPipeline.Settings();
        settings.Fields = new FieldMap().Add("env", "prod");
        settings.Tags = ["global"];
        var global = new Recorder("global");
        settings.GlobalProcessors = [global];
        await using var pipeline = TestPipeline.Create(output, out _, settings);
        var module = new Recorder("module");
        var client = pipeline.Connect(new ClientSettings { Processors = [module], Tags = ["module"] });
        pipeline.Start();

        client.Publish(TestEvents.Numbered(0), CancellationToken.None);
        await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(("prod", "global,module", false), module.Seen);
        Assert.Equal(("prod", "global,module", true), global.Seen);
    }

    private static JsonElement Json(Event e) => JsonDocument.Parse(e.ToJsonUtf8()).RootElement.Clone();

    /// <summary>Records what it saw of the event: <c>fields.env</c>, the tags, and whether <c>agent.id</c> was set.</summary>
    private sealed class Recorder(string name) : IProcessor
    {
        public (string? Env, string Tags, bool HasAgent) Seen { get; private set; }

        public string Name => name;

        public Event? Process(Event @event)
        {
            var tags = @event.Fields.GetValueOrDefault("tags") is List<string> list ? string.Join(',', list) : string.Empty;
            Seen = (@event.Fields.GetValueOrDefault("fields.env") as string, tags, @event.Fields.ContainsPath("agent.id"));
            return @event;
        }
    }
}
