using System.Collections.Concurrent;
using Shipper.Monitoring;

namespace Shipper.Core.Monitoring;

/// <summary>
/// The process-wide <see cref="IMetricsRegistry"/>: counters are created once per name and then updated
/// lock-free; gauges are read when a snapshot is taken. Thread-safe.
/// </summary>
public sealed class MetricsRegistry : IMetricsRegistry
{
    private readonly ConcurrentDictionary<string, MetricCounter> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<long>> _gauges = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public MetricCounter Counter(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return _counters.GetOrAdd(name, static n => new MetricCounter(n));
    }

    /// <inheritdoc />
    public void Gauge(string name, Func<long> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(read);
        _gauges[name] = read;
    }

    /// <summary>True when <paramref name="name"/> is a gauge (a value read on demand) rather than a counter.</summary>
    public bool IsGauge(string name) => _gauges.ContainsKey(name);

    /// <inheritdoc />
    /// <remarks>A gauge that throws is left out of the snapshot rather than breaking every reader.</remarks>
    public IReadOnlyList<KeyValuePair<string, long>> Snapshot()
    {
        var values = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, counter) in _counters)
        {
            values[name] = counter.Value;
        }

        foreach (var (name, read) in _gauges)
        {
            if (TryRead(read, out var value))
            {
                values[name] = value;
            }
        }

        return [.. values];
    }

    private static bool TryRead(Func<long> read, out long value)
    {
        try
        {
            value = read();
            return true;
        }
#pragma warning disable CA1031 // A broken gauge must not take /stats or the metrics log down with it.
        catch (Exception)
#pragma warning restore CA1031
        {
            value = 0;
            return false;
        }
    }
}
