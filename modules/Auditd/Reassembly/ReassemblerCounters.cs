using Shipper.Monitoring;

namespace Shipper.Modules.Auditd.Reassembly;

/// <summary>The reassembler's counters, registered under their metric names when a registry is given.</summary>
public sealed class ReassemblerCounters
{
    public ReassemblerCounters(IMetricsRegistry? metrics = null)
    {
        SeqGaps = Counter(metrics, "auditd.reassembler_seq_gaps");
        FlushedIncomplete = Counter(metrics, "auditd.events_flushed_incomplete");
        LateRecords = Counter(metrics, "auditd.reassembler_late_records");
        Malformed = Counter(metrics, "auditd.malformed_records");
    }

    /// <summary><c>auditd.reassembler_seq_gaps</c>: serials that never arrived (events lost before the shipper).</summary>
    public MetricCounter SeqGaps { get; }

    /// <summary><c>auditd.events_flushed_incomplete</c>: events forced out before their end (age or memory bound).</summary>
    public MetricCounter FlushedIncomplete { get; }

    /// <summary><c>auditd.reassembler_late_records</c>: records that arrived after their event had been completed; dropped.</summary>
    public MetricCounter LateRecords { get; }

    /// <summary><c>auditd.malformed_records</c>: records whose header could not be read; dropped with a warning.</summary>
    public MetricCounter Malformed { get; }

    private static MetricCounter Counter(IMetricsRegistry? metrics, string name) => metrics?.Counter(name) ?? new MetricCounter(name);
}
