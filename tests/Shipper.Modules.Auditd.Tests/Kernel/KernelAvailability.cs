using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Tests.Kernel;

/// <summary>Decides whether tests that touch the kernel's audit state may run here.</summary>
internal static class KernelAvailability
{
    private static readonly Lazy<string?> CachedSkipReason = new(FindSkipReason);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsRoot => Environment.UserName == "root" || GetEuid() == 0;

    /// <summary>Why the kernel tests skip here, or null when they run. Never skips in CI: there they must run and fail loudly.</summary>
    public static string? SkipReason => InCi ? null : CachedSkipReason.Value;

    private static string? FindSkipReason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "kernel audit tests need Linux";
        }

        if (!IsRoot)
        {
            return "kernel audit tests need root (CAP_AUDIT_CONTROL); run as root or set CI=true to make them mandatory";
        }

        try
        {
            using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
            client.GetStatus();
            return null;
        }
        catch (AuditKernelException e)
        {
            return $"kernel audit is not available here: {e.Message}";
        }
    }

    private static uint GetEuid()
    {
        // /proc/self/status "Uid: real effective saved fs"; avoids a P/Invoke in the tests.
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                return uint.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2]);
            }
        }

        return uint.MaxValue;
    }
}
