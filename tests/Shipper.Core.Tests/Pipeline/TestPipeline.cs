using Shipper.Core.Monitoring;
using Shipper.Core.Options;
using Shipper.Core.Pipeline;
using Shipper.Outputs;
using Shipper.Testing;

namespace Shipper.Core.Tests.Pipeline;

/// <summary>Builds pipelines with small, fast settings for tests.</summary>
internal static class TestPipeline
{
    public static PipelineSettings Settings(int capacity = 64, int minEvents = 0, TimeSpan? flushTimeout = null, TimeSpan? blockedThreshold = null) => new()
    {
        Agent = TestEvents.Agent,
        Queue = new MemoryQueueOptions
        {
            Events = capacity,
            Flush = new FlushOptions { MinEvents = minEvents, Timeout = flushTimeout ?? TimeSpan.Zero },
        },
        Backoff = new BackoffSettings { Init = TimeSpan.FromMilliseconds(1), Max = TimeSpan.FromMilliseconds(8) },
        BlockedThreshold = blockedThreshold ?? TimeSpan.FromHours(1),
    };

    public static PublisherPipeline Create(
        IOutput output,
        out MetricsRegistry metrics,
        PipelineSettings? settings = null,
        ListLoggerFactory? logs = null,
        TimeProvider? time = null)
    {
        metrics = new MetricsRegistry();
        return new PublisherPipeline(settings ?? Settings(), output, metrics, logs ?? new ListLoggerFactory(), time);
    }

    public static long Value(this MetricsRegistry metrics, string name) =>
        metrics.Snapshot().FirstOrDefault(p => p.Key == name).Value;
}
