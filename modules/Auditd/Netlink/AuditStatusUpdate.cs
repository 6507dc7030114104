using System.Buffers.Binary;

namespace Shipper.Modules.Auditd.Netlink;

/// <summary>
/// An AUDIT_SET request: only the properties that are set are sent, each with its mask bit, so the kernel
/// leaves every other setting alone.
/// </summary>
public sealed record AuditStatusUpdate
{
    /// <summary>0 off, 1 on, 2 on and locked until reboot.</summary>
    public uint? Enabled { get; init; }

    /// <summary>0 silent, 1 printk, 2 panic.</summary>
    public uint? Failure { get; init; }

    /// <summary>The PID to register as the audit daemon (must be the caller's own), or 0 to unregister.</summary>
    public uint? Pid { get; init; }

    public uint? RateLimit { get; init; }

    public uint? BacklogLimit { get; init; }

    /// <summary>In kernel ticks, as <c>auditctl --backlog_wait_time</c>.</summary>
    public uint? BacklogWaitTime { get; init; }

    /// <summary>The AUDIT_STATUS_* bits of the properties that are set.</summary>
    public AuditStatusMask Mask =>
        (Enabled.HasValue ? AuditStatusMask.Enabled : 0)
        | (Failure.HasValue ? AuditStatusMask.Failure : 0)
        | (Pid.HasValue ? AuditStatusMask.Pid : 0)
        | (RateLimit.HasValue ? AuditStatusMask.RateLimit : 0)
        | (BacklogLimit.HasValue ? AuditStatusMask.BacklogLimit : 0)
        | (BacklogWaitTime.HasValue ? AuditStatusMask.BacklogWaitTime : 0);

    /// <summary>True when nothing would be changed.</summary>
    public bool IsEmpty => Mask == AuditStatusMask.None;

    /// <summary>Writes the full 44-byte <c>audit_status</c>; fields not set are zero and masked out.</summary>
    public void Encode(Span<byte> destination)
    {
        if (destination.Length < AuditStatus.WireLength)
        {
            throw new ArgumentException($"needs {AuditStatus.WireLength} bytes", nameof(destination));
        }

        var fields = destination[..AuditStatus.WireLength];
        fields.Clear();
        Write(fields, 0, (uint)Mask);
        Write(fields, 1, Enabled ?? 0);
        Write(fields, 2, Failure ?? 0);
        Write(fields, 3, Pid ?? 0);
        Write(fields, 4, RateLimit ?? 0);
        Write(fields, 5, BacklogLimit ?? 0);
        Write(fields, 9, BacklogWaitTime ?? 0);
    }

    /// <summary>A short description such as <c>enabled=1 pid=1234</c>, for logs and errors.</summary>
    public override string ToString()
    {
        var parts = new List<string>(6);
        Add(parts, "enabled", Enabled);
        Add(parts, "failure", Failure);
        Add(parts, "pid", Pid);
        Add(parts, "rate_limit", RateLimit);
        Add(parts, "backlog_limit", BacklogLimit);
        Add(parts, "backlog_wait_time", BacklogWaitTime);
        return parts.Count == 0 ? "(nothing)" : string.Join(' ', parts);
    }

    private static void Add(List<string> parts, string name, uint? value)
    {
        if (value.HasValue)
        {
            parts.Add($"{name}={value.Value}");
        }
    }

    private static void Write(Span<byte> fields, int index, uint value) =>
        BinaryPrimitives.WriteUInt32LittleEndian(fields[(index * 4)..], value);
}
