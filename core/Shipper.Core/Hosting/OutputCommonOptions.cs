using Shipper.Config;

namespace Shipper.Core.Hosting;

/// <summary>The keys of an <c>output.&lt;type&gt;</c> block that the host handles; the rest belongs to the output.</summary>
public sealed class OutputCommonOptions : IValidatable
{
    /// <summary>The keys listed here, hidden from the output's own binding.</summary>
    public static readonly string[] Keys = ["enabled", "backoff"];

    /// <summary><c>enabled</c>. Default true; exactly one output may be enabled.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>backoff.*</c>: how retries wait.</summary>
    public BackoffOptions Backoff { get; set; } = new();

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Backoff.Init <= TimeSpan.Zero)
        {
            errors.Add("backoff.init", "must be greater than 0");
        }

        if (Backoff.Max < Backoff.Init)
        {
            errors.Add("backoff.max", "must not be less than backoff.init");
        }
    }
}

/// <summary><c>backoff.*</c> of an output.</summary>
public sealed class BackoffOptions
{
    /// <summary><c>backoff.init</c>: the first wait after a failure. Default 1s.</summary>
    public TimeSpan Init { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>backoff.max</c>: the longest wait. Default 60s.</summary>
    public TimeSpan Max { get; set; } = TimeSpan.FromSeconds(60);
}
