namespace Shipper.Modules.Auditd;

/// <summary><c>backpressure_strategy</c>: how a slow pipeline is kept from stalling audited processes.</summary>
public enum BackpressureStrategy
{
    /// <summary><see cref="Kernel"/> when the kernel supports it (backlog_wait_time, Linux 3.14+), otherwise <see cref="Userspace"/>.</summary>
    Auto,

    /// <summary>Sets the kernel's backlog_wait_time to 0, so the kernel discards events when its backlog is full instead of blocking.</summary>
    Kernel,

    /// <summary>Drops events in the shipper while the pipeline pushes back; sets rate_limit 5000 when rate_limit is not configured.</summary>
    Userspace,

    /// <summary><see cref="Kernel"/> and <see cref="Userspace"/> together.</summary>
    Both,

    /// <summary>No mitigation.</summary>
    None,
}
