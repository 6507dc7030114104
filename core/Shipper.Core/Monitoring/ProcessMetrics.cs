using System.Diagnostics;
using Shipper.Monitoring;

namespace Shipper.Core.Monitoring;

/// <summary>
/// Registers the process gauges Beats shows under <c>beat.*</c>: uptime, memory and CPU time.
/// Safe to call more than once (a later registration replaces an earlier one).
/// </summary>
public static class ProcessMetrics
{
    /// <summary>
    /// Registers <c>beat.info.uptime.ms</c>, <c>beat.memstats.memory_alloc</c> (bytes of live managed objects),
    /// <c>beat.memstats.rss</c> (resident set), <c>beat.memstats.gc_next</c> (bytes the GC heap has committed,
    /// the nearest .NET figure to Go's next-GC target) and <c>beat.cpu.total.time.ms</c> (user + system CPU).
    /// </summary>
    public static void Register(IMetricsRegistry registry, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var clock = time ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        registry.Gauge("beat.info.uptime.ms", () => (long)clock.GetElapsedTime(started).TotalMilliseconds);
        registry.Gauge("beat.memstats.memory_alloc", static () => GC.GetTotalMemory(forceFullCollection: false));
        registry.Gauge("beat.memstats.rss", static () => Environment.WorkingSet);
        registry.Gauge("beat.memstats.gc_next", static () => GC.GetGCMemoryInfo().TotalCommittedBytes);
        registry.Gauge("beat.cpu.total.time.ms", static () => (long)ProcessorTime().TotalMilliseconds);
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
