using System.Text.Json;

namespace Shipper.Processors.Tests.EndToEnd;

/// <summary>
/// The real host, as a separate process, with this plugin installed in <c>processors/standard</c>, running the sample
/// module's events through module and global processor chains to the console output.
/// </summary>
public sealed class HostEndToEndTests : IDisposable
{
    private readonly HostInstall _install = new();

    [Fact]
    public async Task ModuleAndGlobalChainsShapeTheEventsThatLeaveTheHost()
    {
        var config = _install.Config("""
            name: e2e
            shipper.modules:
            - module: sample
              count: 6
              message: hello
              processors:
              - add_fields: {target: '', fields: {stage: module}}
            processors:
            - drop_event:
                when:
                  range: {sample.sequence.gte: 4}
            - if:
                equals: {sample.sequence: 0}
              then:
              - add_tags: {tags: [first]}
              else:
              - rename: {fields: [{from: message, to: text}]}
            - add_host_metadata: {netinfo.enabled: false}
            - drop_fields: {fields: [agent.ephemeral_id, ecs]}
            - fingerprint: {fields: [sample.sequence, stage]}
            output.console: {}
            """);

        var (code, stdout, stderr) = await _install.RunAsync("-c", config, "-E", "queue.mem.flush.timeout=0");

        Assert.True(code == 0, stderr);
        var events = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .OrderBy(e => e.GetProperty("sample").GetProperty("sequence").GetInt32())
            .ToList();
        Assert.Equal([0, 1, 2, 3], events.Select(e => e.GetProperty("sample").GetProperty("sequence").GetInt32()));
        Assert.All(events, e =>
        {
            Assert.Equal("module", e.GetProperty("stage").GetString());
            Assert.Equal(Environment.MachineName, e.GetProperty("host").GetProperty("hostname").GetString());
            Assert.Equal("linux", e.GetProperty("host").GetProperty("os").GetProperty("type").GetString());
            Assert.Equal("e2e", e.GetProperty("agent").GetProperty("name").GetString());
            Assert.False(e.GetProperty("agent").TryGetProperty("ephemeral_id", out _));
            Assert.False(e.TryGetProperty("ecs", out _));
            Assert.Equal(64, e.GetProperty("fingerprint").GetString()!.Length);
            Assert.False(e.TryGetProperty("error", out _));
        });
        Assert.Equal("first", events[0].GetProperty("tags")[0].GetString());
        Assert.Equal("hello", events[0].GetProperty("message").GetString());
        Assert.All(events.Skip(1), e => Assert.Equal("hello", e.GetProperty("text").GetString()));
        Assert.Equal(4, events.Select(e => e.GetProperty("fingerprint").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task AConfigErrorInAProcessorStopsTheHostNamingThePositionKeyAndLine()
    {
        var config = _install.Config("""
            shipper.modules:
            - module: sample
            processors:
            - add_tags: {tags: [a]}
            - drop_event:
                when:
                  network: {source.ip: 10.0.0.0/40}
            output.console: {}
            """);

        var (code, _, stderr) = await _install.RunAsync("test", "config", "-c", config);

        Assert.Equal(2, code);
        Assert.Contains("shipper.yml:7:", stderr, StringComparison.Ordinal);
        Assert.Contains("processor #2 (drop_event)", stderr, StringComparison.Ordinal);
        Assert.Contains("'processors.1.drop_event.when.network.source.ip'", stderr, StringComparison.Ordinal);
        Assert.Contains("'10.0.0.0/40' is neither a CIDR block", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _install.Dispose();
}
