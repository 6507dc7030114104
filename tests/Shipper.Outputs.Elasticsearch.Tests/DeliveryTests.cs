using Shipper.Outputs.Elasticsearch.Tests.Server;
using Shipper.Outputs.Elasticsearch.Tests.Support;
using Shipper.Testing;

namespace Shipper.Outputs.Elasticsearch.Tests;

/// <summary>
/// Events go through the real publisher pipeline into the Elasticsearch-compatible test server, which injects
/// faults; every event must end up indexed exactly once.
/// </summary>
public sealed class DeliveryTests
{
    public static TheoryData<string> Faults => ["items-429", "items-503", "whole-503", "whole-429", "too-large-413", "reset-before-indexing", "reset-after-indexing", "slow-answer"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task EveryEventIsIndexedExactlyOnceThroughEachFault(string fault)
    {
        await using var server = await FakeElasticsearch.StartAsync();
        var timeout = "    timeout: 10s";
        switch (fault)
        {
            case "items-429": server.Enqueue(new BulkFault.ItemsTooMany(3), new BulkFault.ItemsTooMany(2)); break;
            case "items-503": server.Enqueue(new BulkFault.ItemsUnavailable(2)); break;
            case "whole-503": server.Enqueue(new BulkFault.WholeRequest(503), new BulkFault.WholeRequest(503)); break;
            case "whole-429": server.Enqueue(new BulkFault.WholeRequest(429)); break;
            case "too-large-413": server.MaxDocumentsPerRequest = 7; break;
            case "reset-before-indexing": server.Enqueue(new BulkFault.Reset(AfterIndexing: false)); break;
            case "reset-after-indexing": server.Enqueue(new BulkFault.Reset(AfterIndexing: true)); break;
            case "slow-answer":
                server.Enqueue(new BulkFault.Slow(TimeSpan.FromSeconds(3)));
                timeout = "    timeout: 500ms";
                break;
        }

        await using var pipeline = new EsPipeline(EsPipeline.HostsOf(server), timeout);
        var published = await pipeline.PublishAsync(120);
        await Eventually.HoldsAsync(() => server.Sequences().Distinct().Count() == published.Count, "all events indexed");
        var stop = await pipeline.StopAsync(TimeSpan.FromSeconds(10));

        server.AssertExactlyOnce(published);
        Assert.Equal(0, stop.Abandoned);
        Assert.Equal(0, server.PendingFaults);
        Assert.Equal(published.Count, pipeline.Counter("libbeat.output.events.acked") + pipeline.Counter("libbeat.output.events.duplicates"));
        Assert.Equal(0, pipeline.Counter("libbeat.output.events.dropped"));
    }

    [Fact]
    public async Task EventsSurviveAClusterOutageLongerThanTheQueueFlushTime()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using var pipeline = new EsPipeline(EsPipeline.HostsOf(server), "    timeout: 2s", flushTimeout: TimeSpan.FromMilliseconds(50));
        var before = await pipeline.PublishAsync(30);
        await Eventually.HoldsAsync(() => server.Sequences().Count == 30, "events before the outage indexed");

        await server.StopAsync();
        var during = await pipeline.PublishAsync(60);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // thirty flush timeouts with the cluster gone
        Assert.Equal(30, server.Sequences().Count);
        await Eventually.HoldsAsync(() => pipeline.Counter("libbeat.output.events.failed") > 0, "the pipeline saw the failed attempts");

        await server.RestartAsync();
        await Eventually.HoldsAsync(() => server.Sequences().Count == 90, "events published during the outage indexed after it");
        await pipeline.StopAsync(TimeSpan.FromSeconds(5));

        server.AssertExactlyOnce([.. before, .. during]);
        Assert.Equal(0, pipeline.Counter("libbeat.output.events.dropped"));
    }

    [Fact]
    public async Task MappingErrorsAreDroppedWithTheReasonWithoutBlockingThePipeline()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.Refuse = RefuseTextInCount;
        await using var pipeline = new EsPipeline(EsPipeline.HostsOf(server));

        var good = await pipeline.PublishAsync(40);
        var bad = await pipeline.PublishAsync(10, e => e.Fields["count"] = "not a number");
        var after = await pipeline.PublishAsync(40);
        await Eventually.HoldsAsync(() => server.Sequences().Count == 80 && pipeline.Counter("libbeat.output.events.dropped") == 10, "good events indexed, bad dropped");
        var stop = await pipeline.StopAsync(TimeSpan.FromSeconds(5));

        server.AssertExactlyOnce([.. good, .. after]);
        Assert.Equal(0, stop.Abandoned);
        var warning = Assert.Single(pipeline.Logs.Entries, e => e.Message.Contains("Elasticsearch refused an event", StringComparison.Ordinal));
        Assert.Contains("document_parsing_exception", warning.Message, StringComparison.Ordinal);
        Assert.Contains("failed to parse field [count] of type [long]", warning.Message, StringComparison.Ordinal);
        Assert.Equal(10, bad.Count);
    }

    [Fact]
    public async Task RefusedEventsAreWrittenToTheDeadLetterIndexAndCountedAsDropped()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.Refuse = RefuseTextInCount;
        await using var pipeline = new EsPipeline(EsPipeline.HostsOf(server), "    non_indexable_policy.dead_letter_index.index: shipper-dlq");

        var good = await pipeline.PublishAsync(20);
        var bad = await pipeline.PublishAsync(5, e => e.Fields["count"] = "not a number");
        await Eventually.HoldsAsync(() => server.In("shipper-dlq").Count() == 5 && pipeline.Counter("libbeat.output.events.dropped") == 5, "refused events dead-lettered");
        await pipeline.StopAsync(TimeSpan.FromSeconds(5));

        server.AssertExactlyOnce(good, "shipper-0.1.0-2026.03.04");
        foreach (var letter in server.In("shipper-dlq"))
        {
            Assert.Equal("400", letter.Source.GetProperty("error").GetProperty("type").GetString());
            Assert.Contains("failed to parse field [count]", letter.Source.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
            var original = System.Text.Json.JsonDocument.Parse(letter.Source.GetProperty("message").GetString()!).RootElement;
            Assert.Contains(original.GetProperty("seq").GetInt32(), bad);
        }
    }

    [Fact]
    public async Task OverloadedItemsAreRetriedAfterABackoffNotAtOnce()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.Enqueue(new BulkFault.ItemsTooMany(1));
        await using var pipeline = new EsPipeline(EsPipeline.HostsOf(server), "    backoff.init: 300ms\n    backoff.max: 600ms");

        var started = DateTime.UtcNow;
        var published = await pipeline.PublishAsync(5);
        await Eventually.HoldsAsync(() => server.Sequences().Count == 5, "events indexed after the 429");
        var elapsed = DateTime.UtcNow - started;
        await pipeline.StopAsync(TimeSpan.FromSeconds(5));

        server.AssertExactlyOnce(published);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(300), $"retried after {elapsed.TotalMilliseconds}ms, before backoff.init");
        Assert.Equal(5, pipeline.Counter("libbeat.output.events.toomany"));
    }

    private static string? RefuseTextInCount(System.Text.Json.JsonElement doc) =>
        doc.TryGetProperty("count", out var count) && count.ValueKind == System.Text.Json.JsonValueKind.String && !long.TryParse(count.GetString(), out _)
            ? "[1:42] failed to parse field [count] of type [long] in document. Preview of field's value: '" + count.GetString() + "'"
            : null;
}
