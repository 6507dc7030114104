namespace Shipper.Modules.Auditd.Tests.Kernel;

/// <summary>The <see cref="KernelFactAttribute"/> counterpart for theories.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class KernelTheoryAttribute : TheoryAttribute
{
    public KernelTheoryAttribute()
    {
        if (KernelAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
