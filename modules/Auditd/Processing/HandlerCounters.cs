using Shipper.Monitoring;

namespace Shipper.Modules.Auditd.Processing;

/// <summary>The live handler's counters beyond the reassembler's.</summary>
internal sealed class HandlerCounters(IMetricsRegistry? metrics)
{
    /// <summary><c>auditd.userspace_lost</c>: whole events dropped because the pipeline pushed back (userspace strategy).</summary>
    public MetricCounter UserspaceLost { get; } = Counter(metrics, "auditd.userspace_lost");

    /// <summary><c>auditd.receive_losses</c>: times the socket overflowed (ENOBUFS), each losing an unknown number of records.</summary>
    public MetricCounter ReceiveLosses { get; } = Counter(metrics, "auditd.receive_losses");

    /// <summary><c>auditd.events</c>: events completed and handed to the pipeline.</summary>
    public MetricCounter Events { get; } = Counter(metrics, "auditd.events");

    private static MetricCounter Counter(IMetricsRegistry? metrics, string name) => metrics?.Counter(name) ?? new MetricCounter(name);
}
