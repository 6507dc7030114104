namespace Shipper.Modules.Auditd.Netlink;

/// <summary>How a netlink audit socket is bound.</summary>
public enum AuditSocketMode
{
    /// <summary>
    /// Group 0: replies to this socket's own requests only. Events arrive here only after the socket registered
    /// itself as the audit daemon (AUDIT_SET pid), which one process at a time may do.
    /// </summary>
    Unicast,

    /// <summary>Group 1 (AUDIT_NLGRP_READLOG): a copy of every event, beside whichever daemon is registered. Kernel 3.16 and newer.</summary>
    Multicast,
}
