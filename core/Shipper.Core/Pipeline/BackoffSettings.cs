namespace Shipper.Core.Pipeline;

/// <summary>
/// <c>output.&lt;type&gt;.backoff.*</c>: how long the pipeline waits before resending events the output could not
/// deliver. Waits follow Beats' "equal jitter": the n-th wait (n from 0) lies in
/// [min(max, init·2ⁿ⁺¹)/2, min(max, init·2ⁿ⁺¹)), so the first is between init and 2·init and later ones level
/// off between max/2 and max. A batch that is fully settled resets the sequence.
/// </summary>
public sealed class BackoffSettings
{
    /// <summary><c>backoff.init</c>: the first wait's lower bound. Default 1s; must be positive.</summary>
    public TimeSpan Init { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>backoff.max</c>: the cap on any wait. Default 60s; must not be below <see cref="Init"/>.</summary>
    public TimeSpan Max { get; set; } = TimeSpan.FromSeconds(60);
}
