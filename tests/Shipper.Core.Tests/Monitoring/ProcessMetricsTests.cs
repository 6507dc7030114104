using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Shipper.Core.Monitoring;

namespace Shipper.Core.Tests.Monitoring;

public class ProcessMetricsTests
{
    [Fact]
    public void Uptime_counts_from_registration_on_the_given_clock()
    {
        var time = new FakeTimeProvider();
        var metrics = new MetricsRegistry();
        ProcessMetrics.Register(metrics, time);

        time.Advance(TimeSpan.FromSeconds(42));

        Assert.Equal(42_000, Value(metrics, "beat.info.uptime.ms"));
    }

    [Fact]
    public void Memory_and_cpu_gauges_read_the_live_process()
    {
        var metrics = new MetricsRegistry();
        ProcessMetrics.Register(metrics);
        var before = Value(metrics, "beat.cpu.total.time.ms");

        var ballast = new byte[64 * 1024 * 1024];
        Array.Fill(ballast, (byte)1);

        // Spin for 150 ms of this thread's own CPU time, not of the wall clock: on a loaded machine a thread can get
        // much less than the wall-clock time it waits (2 cores shared with other test processes).
        var spun = Stopwatch.StartNew();
        var threadCpuBefore = ThreadCpuTime();
        while (ThreadCpuTime() - threadCpuBefore < TimeSpan.FromMilliseconds(150))
        {
            Assert.True(spun.Elapsed < TimeSpan.FromMinutes(1), "this thread got no CPU time for a minute");
        }

        Assert.True(Value(metrics, "beat.memstats.memory_alloc") >= ballast.Length, "memory_alloc counts live managed bytes");
        Assert.True(Value(metrics, "beat.memstats.rss") >= ballast.Length, "rss counts the resident set");
        GC.Collect();
        Assert.True(Value(metrics, "beat.memstats.gc_next") >= ballast.Length, "gc_next is the heap committed at the last collection");
        Assert.True(Value(metrics, "beat.cpu.total.time.ms") >= before + 100, "cpu time grows while spinning");
        GC.KeepAlive(ballast);
    }

    [Fact]
    public void The_gauges_are_gauges_so_the_metrics_log_shows_their_value_not_a_delta()
    {
        var metrics = new MetricsRegistry();
        ProcessMetrics.Register(metrics);

        Assert.All(
            new[] { "beat.info.uptime.ms", "beat.memstats.memory_alloc", "beat.memstats.rss", "beat.memstats.gc_next", "beat.cpu.total.time.ms" },
            name => Assert.True(metrics.IsGauge(name), name));
    }

    /// <summary>CPU time (user + system) of the calling thread, from /proc/thread-self/stat (in 1/100 s ticks).</summary>
    private static TimeSpan ThreadCpuTime()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static long Value(MetricsRegistry metrics, string name) =>
        metrics.Snapshot().Single(p => p.Key == name).Value;
}
