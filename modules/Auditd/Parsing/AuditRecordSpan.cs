namespace Shipper.Modules.Auditd.Parsing;

/// <summary>
/// One audit record's header and body, as spans over the caller's bytes (nothing is copied or allocated).
/// Valid only as long as those bytes are.
/// </summary>
public readonly ref struct AuditRecordSpan
{
    public AuditRecordSpan(ushort type, ReadOnlySpan<byte> node, AuditTimestamp timestamp, uint serial, ReadOnlySpan<byte> body, ReadOnlySpan<byte> enrichment)
    {
        Type = type;
        Node = node;
        Timestamp = timestamp;
        Serial = serial;
        Body = body;
        Enrichment = enrichment;
    }

    /// <summary>The record type number (1300 SYSCALL, 1320 EOE …).</summary>
    public ushort Type { get; }

    /// <summary>The <c>node=</c> name of a log line; empty when none.</summary>
    public ReadOnlySpan<byte> Node { get; }

    /// <summary>When the event happened.</summary>
    public AuditTimestamp Timestamp { get; }

    /// <summary>The event's serial number, shared by all of its records.</summary>
    public uint Serial { get; }

    /// <summary>The <c>key=value …</c> text after <c>audit(…): </c>, without leading spaces.</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>auditd's enriched section (after the <c>0x1D</c> separator); empty in raw logs and netlink messages.</summary>
    public ReadOnlySpan<byte> Enrichment { get; }
}
