using System.Globalization;

namespace Shipper.Core.Config;

/// <summary>
/// Parses durations the way Go (and so Beats) writes them: <c>10s</c>, <c>1m30s</c>, <c>500ms</c>, <c>1h</c>,
/// <c>2us</c>, <c>1.5h</c>, with an optional sign. A bare number means seconds. Precision is a tick (100 ns).
/// Formats them the way Go's <c>time.Duration</c> prints them, for log lines a Beats user recognises.
/// </summary>
internal static class GoDuration
{
    public const string Expectation = "a duration such as 10s, 1m30s, 500ms or 1h (a bare number means seconds)";

    private static readonly (string Unit, decimal Ticks)[] Units =
    [
        ("ns", 0.01m), ("us", 10m), ("µs", 10m), ("μs", 10m), ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        try
        {
            return TryParseCore(text, out duration);
        }
        catch (OverflowException)
        {
            duration = default;
            return false;
        }
    }

    private static bool TryParseCore(string text, out TimeSpan duration)
    {
        duration = default;
        var s = text.Trim();
        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+'))
        {
            s = s[1..];
        }

        if (s.Length == 0)
        {
            return false;
        }

        if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return TryMake(seconds * TimeSpan.TicksPerSecond, negative, out duration);
        }

        decimal ticks = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (!decimal.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                || !TryUnit(s, ref i, out var unitTicks))
            {
                return false;
            }

            ticks += number * unitTicks;
            if (ticks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }
        }

        return TryMake(ticks, negative, out duration);
    }

    private static bool TryUnit(string s, ref int i, out decimal ticks)
    {
        foreach (var (unit, unitTicks) in Units)
        {
            // "ms" is listed before "m" and "s", so the longer unit wins.
            if (s.AsSpan(i).StartsWith(unit, StringComparison.Ordinal))
            {
                i += unit.Length;
                ticks = unitTicks;
                return true;
            }
        }

        ticks = 0;
        return false;
    }

    private static bool TryMake(decimal ticks, bool negative, out TimeSpan duration)
    {
        duration = default;
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        var whole = (long)decimal.Truncate(ticks);
        duration = TimeSpan.FromTicks(negative ? -whole : whole);
        return true;
    }

    /// <summary>Writes <paramref name="duration"/> as Go does: <c>0s</c>, <c>500ms</c>, <c>1.5s</c>, <c>1m30s</c>, <c>1h0m0s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            return "-" + Format(duration.Duration());
        }

        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            return duration.TotalMilliseconds.ToString("0.####", CultureInfo.InvariantCulture) + "ms";
        }

        var text = new System.Text.StringBuilder();
        var hours = (long)duration.TotalHours;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || duration.Minutes > 0)
        {
            text.Append(duration.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        var seconds = duration.Seconds + ((duration.Ticks % TimeSpan.TicksPerSecond) / (double)TimeSpan.TicksPerSecond);
        return text.Append(seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append('s').ToString();
    }
}
