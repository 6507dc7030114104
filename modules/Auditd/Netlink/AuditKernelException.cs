namespace Shipper.Modules.Auditd.Netlink;

/// <summary>
/// The kernel refused an audit request or a netlink socket call failed. <see cref="Exception.Message"/> says
/// what to do about it; <see cref="Errno"/> is the Linux error number (positive, e.g. 1 for EPERM).
/// </summary>
public class AuditKernelException : Exception
{
    public AuditKernelException(int errno, string operation, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Errno = errno;
        Operation = operation;
    }

    public AuditKernelException()
        : this("audit request failed")
    {
    }

    public AuditKernelException(string message)
        : this(0, "audit", message)
    {
    }

    public AuditKernelException(string message, Exception innerException)
        : this(0, "audit", message, innerException)
    {
    }

    /// <summary>The positive Linux errno, or 0 when the failure had none (e.g. a malformed reply).</summary>
    public int Errno { get; }

    /// <summary>What was being done, e.g. <c>set audit status (pid=1234)</c> or <c>add rule</c>.</summary>
    public string Operation { get; }
}
