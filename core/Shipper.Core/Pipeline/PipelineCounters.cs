using Shipper.Monitoring;

namespace Shipper.Core.Pipeline;

/// <summary>The pipeline's counters, named as in Beats; docs/monitoring.md says what each one counts.</summary>
internal sealed class PipelineCounters
{
    private long _outputActive;

    public PipelineCounters(IMetricsRegistry registry, Func<long> queued, int capacity)
    {
        Total = registry.Counter("libbeat.pipeline.events.total");
        Filtered = registry.Counter("libbeat.pipeline.events.filtered");
        Published = registry.Counter("libbeat.pipeline.events.published");
        Failed = registry.Counter("libbeat.pipeline.events.failed");
        Dropped = registry.Counter("libbeat.pipeline.events.dropped");
        Retry = registry.Counter("libbeat.pipeline.events.retry");
        QueueAcked = registry.Counter("libbeat.pipeline.queue.acked");
        Clients = registry.Counter("libbeat.pipeline.clients");
        ProcessorErrors = registry.Counter("libbeat.processors.errors");
        OutputAcked = registry.Counter("libbeat.output.events.acked");
        OutputBatches = registry.Counter("libbeat.output.events.batches");
        OutputDropped = registry.Counter("libbeat.output.events.dropped");
        OutputDuplicates = registry.Counter("libbeat.output.events.duplicates");
        OutputFailed = registry.Counter("libbeat.output.events.failed");
        OutputTotal = registry.Counter("libbeat.output.events.total");
        OutputTooMany = registry.Counter("libbeat.output.events.toomany");
        registry.Gauge("libbeat.pipeline.events.active", queued);
        registry.Gauge("libbeat.pipeline.queue.max_events", () => capacity);
        registry.Gauge("libbeat.output.events.active", () => Interlocked.Read(ref _outputActive));
    }

    public MetricCounter Total { get; }

    public MetricCounter Filtered { get; }

    public MetricCounter Published { get; }

    public MetricCounter Failed { get; }

    public MetricCounter Dropped { get; }

    public MetricCounter Retry { get; }

    public MetricCounter QueueAcked { get; }

    public MetricCounter Clients { get; }

    public MetricCounter ProcessorErrors { get; }

    public MetricCounter OutputAcked { get; }

    public MetricCounter OutputBatches { get; }

    public MetricCounter OutputDropped { get; }

    public MetricCounter OutputDuplicates { get; }

    public MetricCounter OutputFailed { get; }

    public MetricCounter OutputTotal { get; }

    public MetricCounter OutputTooMany { get; }

    /// <summary>Events inside <c>IOutput.SendAsync</c> right now.</summary>
    public void AddOutputActive(long delta) => Interlocked.Add(ref _outputActive, delta);
}
