namespace Shipper.Modules.Auditd;

/// <summary><c>failure_mode</c>: what the kernel does on a critical audit failure. The values are the kernel's.</summary>
public enum FailureMode
{
    /// <summary>Ignore the failure (the default).</summary>
    Silent = 0,

    /// <summary>Write the lost messages with printk, so they reach the system log.</summary>
    Log = 1,

    /// <summary>Panic the kernel.</summary>
    Panic = 2,
}
