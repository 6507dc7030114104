using System.Runtime.InteropServices;

namespace Shipper.Modules.Auditd.Netlink;

/// <summary>Turns an errno from the audit netlink interface into a sentence a person can act on.</summary>
internal static class AuditErrorMessages
{
    public static string Describe(int errno, string operation, bool isRoot)
    {
        var reason = errno switch
        {
            Errno.EPERM when isRoot =>
                "operation not permitted (EPERM): the audit configuration may be locked (enabled 2, set by 'auditctl -e 2' or immutable: true; only a reboot unlocks it), or the process lacks CAP_AUDIT_CONTROL (e.g. in a container)",
            Errno.EPERM => "operation not permitted (EPERM): requires root (CAP_AUDIT_CONTROL)",
            Errno.EEXIST => "rule exists (EEXIST)",
            Errno.EINVAL => "the kernel rejected the request as invalid (EINVAL)",
            Errno.ENOENT => "no such rule (ENOENT)",
            Errno.EACCES => "permission denied (EACCES)",
            Errno.ECONNREFUSED => "the kernel refused the connection (ECONNREFUSED): is audit support compiled in (CONFIG_AUDIT)?",
            Errno.EPROTONOSUPPORT or Errno.EAFNOSUPPORT => $"audit not supported by the kernel ({Marshal.GetPInvokeErrorMessage(errno)})",
            _ => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})",
        };
        return $"{operation} failed: {reason}";
    }

    public static string PidTaken(string operation, uint pid, string? comm) =>
        $"{operation} failed: another process (PID {pid}{(comm is null ? string.Empty : ", " + comm)}) is registered as the audit daemon; stop it or use socket_type: multicast";

    public static string NotOurPid(string operation, uint pid, string? comm) =>
        $"{operation} failed: only the registered audit daemon (PID {pid}{(comm is null ? string.Empty : ", " + comm)}) may unregister itself (EACCES)";

    /// <summary>Reads <c>/proc/PID/comm</c>; null when the process is gone or unreadable.</summary>
    public static string? CommOf(uint pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
