namespace Shipper.Pipeline;

/// <summary>
/// How full the pipeline is and whether the output keeps up. Modules build their backpressure
/// strategies on this (for auditd: dropping whole events in userspace instead of letting the kernel
/// block audited processes). Thread-safe; reading <see cref="Current"/> is cheap enough for a hot loop.
/// </summary>
public interface IBackpressureSignal
{
    /// <summary>A consistent snapshot of the pipeline's state now.</summary>
    BackpressureState Current { get; }

    /// <summary>
    /// Raised when <see cref="BackpressureState.UnderPressure"/>, <see cref="BackpressureState.OutputBlocked"/>
    /// or <see cref="BackpressureState.OutputFailing"/> changes (not on every queue move). Handlers run on a
    /// pipeline thread and must return quickly.
    /// </summary>
    event EventHandler<BackpressureState>? Changed;
}
