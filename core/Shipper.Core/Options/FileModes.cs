namespace Shipper.Core.Options;

/// <summary>Parses octal file modes written as in Beats (<c>0600</c>, <c>0o640</c>, <c>600</c>).</summary>
public static class FileModes
{
    /// <summary>Parses <paramref name="text"/> as an octal mode of at most 0777.</summary>
    public static bool TryParse(string? text, out UnixFileMode mode)
    {
        mode = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = text.Trim();
        if (digits.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        var value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }

            value = (value * 8) + (c - '0');
            if (value > 511)
            {
                return false;
            }
        }

        mode = (UnixFileMode)value;
        return digits.Length > 0;
    }
}
