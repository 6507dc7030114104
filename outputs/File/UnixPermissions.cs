namespace Shipper.Outputs.File;

/// <summary>
/// Parses octal file modes as Beats writes them (<c>0600</c>, <c>600</c>, <c>0o640</c>). The core has its own
/// copy, but a plugin may reference only the contracts assembly.
/// </summary>
internal static class UnixPermissions
{
    private const int MaxMode = 511; // 0777: set-id and sticky bits make no sense for data files.

    public static bool TryParse(string? text, out UnixFileMode mode)
    {
        mode = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = text.AsSpan().Trim();
        if (digits.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        if (digits.IsEmpty)
        {
            return false;
        }

        var value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }

            value = (value * 8) + (c - '0');
            if (value > MaxMode)
            {
                return false;
            }
        }

        mode = (UnixFileMode)value;
        return true;
    }
}
