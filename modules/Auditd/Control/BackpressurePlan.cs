namespace Shipper.Modules.Auditd.Control;

/// <summary>What <c>backpressure_strategy</c> comes to on this kernel.</summary>
/// <param name="Kernel">Set the kernel's backlog_wait_time to 0, so a full backlog drops events instead of blocking processes.</param>
/// <param name="Userspace">Drop events in the shipper while the pipeline pushes back.</param>
public readonly record struct BackpressurePlan(bool Kernel, bool Userspace)
{
    /// <summary>AUDIT_FEATURE_BITMAP_BACKLOG_WAIT_TIME: the kernel has backlog_wait_time (3.14+).</summary>
    public const uint BacklogWaitTimeFeature = 0x02;

    /// <summary>The rate limit the userspace strategy sets when <c>rate_limit</c> is not configured.</summary>
    public const uint UserspaceRateLimit = 5000;

    /// <summary>Resolves <paramref name="strategy"/> against the kernel's feature bitmap.</summary>
    /// <exception cref="InvalidOperationException"><c>kernel</c> or <c>both</c> on a kernel without backlog_wait_time.</exception>
    public static BackpressurePlan Resolve(BackpressureStrategy strategy, uint featureBitmap)
    {
        var kernelCan = (featureBitmap & BacklogWaitTimeFeature) != 0;
        if (!kernelCan && strategy is BackpressureStrategy.Kernel or BackpressureStrategy.Both)
        {
            throw new InvalidOperationException($"backpressure_strategy: {strategy.ToString().ToLowerInvariant()} needs a kernel with backlog_wait_time (Linux 3.14 or newer); use auto or userspace");
        }

        return strategy switch
        {
            BackpressureStrategy.Auto => new BackpressurePlan(kernelCan, !kernelCan),
            BackpressureStrategy.Kernel => new BackpressurePlan(true, false),
            BackpressureStrategy.Userspace => new BackpressurePlan(false, true),
            BackpressureStrategy.Both => new BackpressurePlan(true, true),
            _ => new BackpressurePlan(false, false),
        };
    }
}
