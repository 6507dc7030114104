namespace Shipper.Monitoring;

/// <summary>
/// Named counters that the <c>/stats</c> endpoint and the periodic metrics log show, under dotted names such as
/// <c>auditd.received_msgs</c>. Thread-safe.
/// </summary>
public interface IMetricsRegistry
{
    /// <summary>Returns the counter called <paramref name="name"/>, creating it at zero the first time.</summary>
    MetricCounter Counter(string name);

    /// <summary>Registers a value read on demand, such as a queue length. A later registration replaces an earlier one.</summary>
    void Gauge(string name, Func<long> read);

    /// <summary>Every counter and gauge now, sorted by name.</summary>
    IReadOnlyList<KeyValuePair<string, long>> Snapshot();
}
