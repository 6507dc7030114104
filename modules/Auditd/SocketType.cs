namespace Shipper.Modules.Auditd;

/// <summary><c>socket_type</c>: how events are received from the kernel.</summary>
public enum SocketType
{
    /// <summary>Multicast when the kernel is 3.16 or newer and no rules are configured; otherwise unicast.</summary>
    Auto,

    /// <summary>Register as the one audit daemon; other daemons (auditd) must be stopped.</summary>
    Unicast,

    /// <summary>Listen beside whichever daemon is registered (Linux 3.16+); falls back to unicast on older kernels.</summary>
    Multicast,
}
