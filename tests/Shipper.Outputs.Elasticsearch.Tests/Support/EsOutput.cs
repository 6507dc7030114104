using Shipper.Events;
using Shipper.Outputs.Elasticsearch.Tests.Server;
using Shipper.Processors;
using Shipper.Testing;

namespace Shipper.Outputs.Elasticsearch.Tests.Support;

/// <summary><c>output.elasticsearch</c> made from YAML, called directly (no pipeline) to see each event's outcome.</summary>
internal sealed class EsOutput : IAsyncDisposable
{
    private readonly EsConfig _config;

    public EsOutput(string yaml, IConditionFactory? conditions = null)
    {
        _config = new EsConfig(yaml, conditions);
        Output = _config.CreateOutput(Logs, Metrics);
    }

    public IOutput Output { get; }

    public ListLoggerFactory Logs { get; } = new();

    public CountingMetrics Metrics { get; } = new();

    public static EsOutput For(FakeElasticsearch server, string extra = "", string root = "") => new($"""
        output.elasticsearch:
            hosts: ['{server.Host}']
        {extra}
        {root}
        """);

    public static Event Numbered(int n) => new(EsPipeline.Time, new FieldMap().Add("seq", n).Add("agent", new FieldMap().Add("version", "0.1.0")));

    public static OutputBatch Batch(int count, Action<int, Event>? shape = null) =>
        new([.. Enumerable.Range(0, count).Select(n =>
        {
            var e = Numbered(n);
            shape?.Invoke(n, e);
            return e;
        })]);

    public async Task<OutputBatch> SendAsync(int count, Action<int, Event>? shape = null)
    {
        var batch = Batch(count, shape);
        await Output.SendAsync(batch, CancellationToken.None);
        return batch;
    }

    public async ValueTask DisposeAsync()
    {
        await Output.DisposeAsync();
        _config.Dispose();
    }
}
