using System.Collections.Concurrent;
using Shipper.Monitoring;

namespace Shipper.Modules.Auditd.Tests.Module;

/// <summary>An in-memory metrics registry.</summary>
internal sealed class CollectingMetrics : IMetricsRegistry
{
    private readonly ConcurrentDictionary<string, MetricCounter> _counters = new();
    private readonly ConcurrentDictionary<string, Func<long>> _gauges = new();

    public MetricCounter Counter(string name) => _counters.GetOrAdd(name, n => new MetricCounter(n));

    public void Gauge(string name, Func<long> read) => _gauges[name] = read;

    public long Value(string name) =>
        _counters.TryGetValue(name, out var counter) ? counter.Value : _gauges.TryGetValue(name, out var gauge) ? gauge() : 0;

    public IReadOnlyList<KeyValuePair<string, long>> Snapshot() =>
        [.. _counters.Select(c => KeyValuePair.Create(c.Key, c.Value.Value)).Concat(_gauges.Select(g => KeyValuePair.Create(g.Key, g.Value()))).OrderBy(p => p.Key)];
}
