namespace Shipper.Core.Pipeline;

/// <summary>Beats' "equal jitter" backoff (see <see cref="BackoffSettings"/>), computed for Polly's retry strategy.</summary>
internal static class EqualJitterBackoff
{
    /// <summary>The wait after failed attempt <paramref name="attempt"/> (0 = the first), with <paramref name="random"/> in [0, 1).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan init, TimeSpan max, double random)
    {
        var ceiling = init.Ticks * Math.Pow(2, Math.Min(attempt, 62) + 1);
        var span = Math.Min(max.Ticks, ceiling);
        return TimeSpan.FromTicks((long)((span / 2) + (random * span / 2)));
    }
}
