using Microsoft.Extensions.Time.Testing;
using Shipper.Core.Monitoring;
using Shipper.Testing;

namespace Shipper.Core.Tests.Monitoring;

public class MetricsLoggerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();
    private readonly MetricsRegistry _metrics = new();
    private readonly ListLoggerFactory _logs = new();

    [Fact]
    public async Task Each_period_logs_only_what_changed_as_deltas_in_name_order()
    {
        var total = _metrics.Counter("libbeat.pipeline.events.total");
        var acked = _metrics.Counter("libbeat.output.events.acked");
        _metrics.Counter("libbeat.output.events.dropped");
        total.Add(100);
        await using var logger = Start();

        total.Add(5);
        acked.Add(3);
        _time.Advance(Period);
        total.Add(2);
        _time.Advance(Period);

        Assert.Equal(
            [
                "Non-zero metrics in the last 30s: libbeat.output.events.acked=3 libbeat.pipeline.events.total=5",
                "Non-zero metrics in the last 30s: libbeat.pipeline.events.total=2",
            ],
            Lines());
    }

    [Fact]
    public async Task Gauges_show_their_current_value_when_it_is_not_zero()
    {
        var level = 0L;
        _metrics.Gauge("libbeat.pipeline.events.active", () => level);
        _metrics.Gauge("libbeat.pipeline.queue.max_events", () => 3200);
        await using var logger = Start();

        _time.Advance(Period);
        level = 17;
        _time.Advance(Period);

        Assert.Equal(
            [
                "Non-zero metrics in the last 30s: libbeat.pipeline.queue.max_events=3200",
                "Non-zero metrics in the last 30s: libbeat.pipeline.events.active=17 libbeat.pipeline.queue.max_events=3200",
            ],
            Lines());
    }

    [Fact]
    public async Task The_period_is_written_as_a_Go_duration()
    {
        await using var logger = new MetricsLogger(_logs.CreateLogger("monitoring"), _metrics, TimeSpan.FromMinutes(90), _time);
        logger.Start();

        _time.Advance(TimeSpan.FromMinutes(90));

        Assert.Equal(["No non-zero metrics in the last 1h30m0s"], Lines());
    }

    [Fact]
    public async Task A_quiet_period_says_so()
    {
        _metrics.Counter("libbeat.pipeline.events.total").Add(9);
        await using var logger = Start();

        _time.Advance(Period);

        Assert.Equal(["No non-zero metrics in the last 30s"], Lines());
    }

    [Fact]
    public async Task Nothing_is_logged_before_the_first_period_ends()
    {
        _metrics.Counter("libbeat.pipeline.events.total").Add(9);
        await using var logger = Start();

        _time.Advance(Period - TimeSpan.FromMilliseconds(1));

        Assert.Empty(Lines());
    }

    [Fact]
    public async Task Dispose_logs_the_non_zero_totals_once_and_stops_the_timer()
    {
        var total = _metrics.Counter("libbeat.pipeline.events.total");
        _metrics.Counter("libbeat.output.events.failed");
        _metrics.Gauge("libbeat.pipeline.queue.max_events", () => 64);
        var logger = Start();
        total.Add(4);
        _time.Advance(Period);
        total.Add(6);

        await logger.DisposeAsync();
        await logger.DisposeAsync();
        _time.Advance(Period * 3);

        Assert.Equal(
            [
                "Non-zero metrics in the last 30s: libbeat.pipeline.events.total=4 libbeat.pipeline.queue.max_events=64",
                "Total non-zero metrics: libbeat.pipeline.events.total=10 libbeat.pipeline.queue.max_events=64",
            ],
            Lines());
    }

    [Fact]
    public async Task A_period_line_being_written_as_the_logger_is_disposed_still_comes_before_the_totals()
    {
        _metrics.Counter("libbeat.pipeline.events.total").Add(1);
        var writer = new GatedLogger();
        var logger = new MetricsLogger(writer, _metrics, Period, _time);
        logger.Start();

        // The timer's line is held inside the logger while the shipper stops.
        var tick = Task.Run(() => _time.Advance(Period));
        Assert.True(writer.PeriodLineStarted.Wait(Eventually.DefaultTimeout), "the timer wrote no line");
        var disposing = Task.Run(async () => await logger.DisposeAsync());
        await Task.Delay(50);
        writer.Release.Set();
        await Task.WhenAll(tick, disposing).WaitAsync(Eventually.DefaultTimeout);

        Assert.Equal(2, writer.Lines.Count);
        Assert.StartsWith("Total non-zero metrics: ", writer.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gauge_that_throws_is_left_out_instead_of_breaking_the_line()
    {
        _metrics.Gauge("broken", () => throw new InvalidOperationException("gone"));
        var total = _metrics.Counter("libbeat.pipeline.events.total");
        await using var logger = Start();

        total.Increment();
        _time.Advance(Period);

        Assert.Equal(["Non-zero metrics in the last 30s: libbeat.pipeline.events.total=1"], Lines());
    }

    private MetricsLogger Start()
    {
        var logger = new MetricsLogger(_logs.CreateLogger("monitoring"), _metrics, Period, _time);
        logger.Start();
        return logger;
    }

    /// <summary>Holds the first period line until released, as a slow log sink would.</summary>
    private sealed class GatedLogger : Microsoft.Extensions.Logging.ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public ManualResetEventSlim PeriodLineStarted { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = formatter(state, exception);
            if (line.Contains("in the last", StringComparison.Ordinal) && !PeriodLineStarted.IsSet)
            {
                PeriodLineStarted.Set();
                Release.Wait(Eventually.DefaultTimeout);
            }

            _lines.Enqueue(line);
        }
    }

    private List<string> Lines() => [.. _logs.Entries.Where(e => e.Category == "monitoring").Select(e => e.Message)];
}
