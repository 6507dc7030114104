namespace Shipper.Modules.Auditd.Netlink;

/// <summary>AUDIT_STATUS_* bits: which fields of an AUDIT_SET request the kernel should apply.</summary>
[Flags]
public enum AuditStatusMask : uint
{
    None = 0,
    Enabled = 0x01,
    Failure = 0x02,
    Pid = 0x04,
    RateLimit = 0x08,
    BacklogLimit = 0x10,
    BacklogWaitTime = 0x20,
    Lost = 0x40,
    BacklogWaitTimeActual = 0x80,
}
