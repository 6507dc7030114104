using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Shipper.Core.Config;
using Shipper.Monitoring;

namespace Shipper.Core.Monitoring;

/// <summary>
/// Writes one line every <c>logging.metrics.period</c> with the counters that changed (as deltas) and the
/// non-zero gauges (as current values), and one line of non-zero totals when disposed, as Beats does.
/// </summary>
public sealed class MetricsLogger : IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly IMetricsRegistry _registry;
    private readonly TimeSpan _period;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Dictionary<string, long> _previous = new(StringComparer.Ordinal);
    private ITimer? _timer;
    private bool _disposed;

    /// <summary>Creates the logger; nothing is written until <see cref="Start"/>.</summary>
    /// <param name="logger">Where the lines go (Beats uses the <c>monitoring</c> logger).</param>
    /// <param name="registry">The metrics; gauges are told apart only when it is a <see cref="MetricsRegistry"/>.</param>
    /// <param name="period">How often to log; must be positive. Default in configuration 30s.</param>
    /// <param name="time">The clock; <see cref="TimeProvider.System"/> when null.</param>
    public MetricsLogger(ILogger logger, IMetricsRegistry registry, TimeSpan period, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _logger = logger;
        _registry = registry;
        _period = period;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Takes the baseline snapshot and starts the periodic timer.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_timer is not null)
            {
                return;
            }

            _previous = ToDictionary(_registry.Snapshot());
            _timer = _time.CreateTimer(static state => ((MetricsLogger)state!).LogDeltas(), this, _period, _period);
        }
    }

    /// <summary>Writes the line for the period that just ended. Called by the timer; public for hosts that drive it.</summary>
    /// <remarks>
    /// The line is written under the same lock as the totals, so a timer that fired as the logger was disposed
    /// writes before the totals line or not at all: the totals line is always the last.
    /// </remarks>
    public void LogDeltas()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var current = ToDictionary(_registry.Snapshot());
            var line = FormatDeltas(current, _previous);
            _previous = current;
            var period = GoDuration.Format(_period);
            if (line.Length == 0)
            {
                _logger.LogInformation("No non-zero metrics in the last {Period}", period);
            }
            else
            {
                _logger.LogInformation("Non-zero metrics in the last {Period}: {Metrics}", period, line);
            }
        }
    }

    /// <summary>Stops the timer and writes the totals line.</summary>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            _disposed = true;
            _timer?.Dispose();
            _logger.LogInformation("Total non-zero metrics: {Metrics}", FormatTotals(_registry.Snapshot()));
        }

        return ValueTask.CompletedTask;
    }

    private string FormatDeltas(Dictionary<string, long> current, Dictionary<string, long> previous)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in current.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var shown = IsGauge(name) ? value : value - previous.GetValueOrDefault(name);
            Append(text, name, shown);
        }

        return text.ToString();
    }

    private static string FormatTotals(IReadOnlyList<KeyValuePair<string, long>> snapshot)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in snapshot)
        {
            Append(text, name, value);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string name, long value)
    {
        if (value == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(name).Append('=').Append(value.ToString(CultureInfo.InvariantCulture));
    }

    private bool IsGauge(string name) => _registry is MetricsRegistry registry && registry.IsGauge(name);

    private static Dictionary<string, long> ToDictionary(IReadOnlyList<KeyValuePair<string, long>> snapshot) =>
        snapshot.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
