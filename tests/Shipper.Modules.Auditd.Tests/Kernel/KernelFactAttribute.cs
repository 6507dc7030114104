namespace Shipper.Modules.Auditd.Tests.Kernel;

/// <summary>
/// A fact that changes the kernel's audit state. Skips with the reason when not root (or audit is unavailable)
/// outside CI; with <c>CI=true</c> it always runs, so a missing privilege fails loudly instead of hiding.
/// Put such tests in <c>[Collection("kernel")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class KernelFactAttribute : FactAttribute
{
    public KernelFactAttribute()
    {
        if (KernelAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
