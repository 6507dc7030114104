using Shipper.Core.Monitoring;
using Shipper.Core.Options;
using Shipper.Core.Pipeline;
using Shipper.Events;
using Shipper.Outputs.Elasticsearch.Tests.Server;
using Shipper.Pipeline;
using Shipper.Testing;

namespace Shipper.Outputs.Elasticsearch.Tests.Support;

/// <summary>
/// The real publisher pipeline feeding <c>output.elasticsearch</c> (made from YAML by the plugin's factory) that
/// points at a <see cref="FakeElasticsearch"/>; publishes numbered events and waits for them to be indexed.
/// </summary>
internal sealed class EsPipeline : IAsyncDisposable
{
    public static readonly DateTimeOffset Time = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private readonly EsConfig _config;
    private readonly IOutput _output;
    private readonly PublisherPipeline _pipeline;
    private readonly IPipelineClient _client;
    private int _next;

    /// <param name="outputYaml">Extra lines of the output.elasticsearch block, each indented by four spaces.</param>
    public EsPipeline(string hosts, string outputYaml = "", string rootYaml = "", int queue = 256, int flushMinEvents = 50, TimeSpan? flushTimeout = null)
    {
        var backoff = outputYaml.Contains("backoff.", StringComparison.Ordinal) ? string.Empty : "    backoff.init: 20ms\n    backoff.max: 200ms";
        _config = new EsConfig($"""
            output.elasticsearch:
                hosts: [{hosts}]
            {backoff}
            {outputYaml}
            {rootYaml}
            """);
        _output = _config.CreateOutput(Logs, OutputMetrics);
        var common = _config.Common;
        var settings = new PipelineSettings
        {
            Agent = TestEvents.Agent,
            Queue = new MemoryQueueOptions { Events = queue, Flush = new FlushOptions { MinEvents = flushMinEvents, Timeout = flushTimeout ?? TimeSpan.FromMilliseconds(20) } },
            Backoff = new BackoffSettings { Init = common.Backoff.Init, Max = common.Backoff.Max },
        };
        _pipeline = new PublisherPipeline(settings, _output, Metrics, Logs);
        _pipeline.Start();
        _client = _pipeline.Connect(new ClientSettings());
    }

    public ListLoggerFactory Logs { get; } = new();

    public MetricsRegistry Metrics { get; } = new();

    public CountingMetrics OutputMetrics { get; } = new();

    public IOutput Output => _output;

    public static string HostsOf(params FakeElasticsearch[] servers) => string.Join(", ", servers.Select(s => $"'{s.Host}'"));

    public long Counter(string name) => Metrics.Snapshot().FirstOrDefault(p => p.Key == name).Value;

    /// <summary>Publishes <paramref name="count"/> events numbered from where the last call stopped; returns their numbers.</summary>
    public async Task<IReadOnlyList<int>> PublishAsync(int count, Action<Event>? shape = null)
    {
        var numbers = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            var n = _next++;
            var e = new Event(Time, new FieldMap().Add("seq", n).Add("message", $"event {n}"));
            shape?.Invoke(e);
            await _client.PublishAsync(e, CancellationToken.None);
            numbers.Add(n);
        }

        return numbers;
    }

    /// <summary>Stops the pipeline, letting it drain for up to <paramref name="drain"/>.</summary>
    public Task<PipelineStopResult> StopAsync(TimeSpan drain) => _pipeline.StopAsync(drain, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _output.DisposeAsync();
        _config.Dispose();
    }
}
