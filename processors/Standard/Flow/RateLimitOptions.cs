using System.Globalization;
using Shipper.Config;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Flow;

/// <summary><c>rate_limit</c> settings.</summary>
internal sealed class RateLimitOptions : ProcessorOptions, IValidatable
{
    /// <summary><c>limit</c>: events per unit, e.g. <c>100/s</c>, <c>10000/m</c>, <c>50000/h</c>. Required.</summary>
    public string Limit { get; set; } = string.Empty;

    /// <summary><c>fields</c>: one limit per combination of these fields' values. Default: one limit for all events.</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary><c>algorithm</c>: only <c>token_bucket: {}</c> (the default) is available.</summary>
    public IConfigSection? Algorithm { get; set; }

    /// <summary>The parsed limit in events per second; valid after <see cref="Validate"/>.</summary>
    internal double PerSecond => TryParse(Limit, out var rate, out _) ? rate : 0;

    /// <summary>The bucket size: one unit's worth of events.</summary>
    internal double Burst => TryParse(Limit, out _, out var burst) ? burst : 0;

    public void Validate(ValidationErrors errors)
    {
        if (!TryParse(Limit, out _, out _))
        {
            errors.Add("limit", $"must be a positive number of events per unit, such as 100/s, 10000/m or 50000/h; got '{Limit}'");
        }
    }

    private static bool TryParse(string text, out double perSecond, out double burst)
    {
        perSecond = burst = 0;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !double.TryParse(text.AsSpan(0, slash).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out burst) || !(burst > 0))
        {
            return false;
        }

        var seconds = text[(slash + 1)..].Trim() switch
        {
            "s" => 1,
            "m" => 60,
            "h" => 3600,
            _ => 0,
        };
        perSecond = burst / seconds;
        return seconds > 0;
    }
}
