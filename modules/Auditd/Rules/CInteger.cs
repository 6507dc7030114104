using System.Globalization;

namespace Shipper.Modules.Auditd.Rules;

/// <summary>
/// Numbers as auditctl reads them with strtol/strtoul base 0 (<c>10</c>, <c>0x1A</c>, <c>012</c> octal, an
/// optional <c>-</c>), except that trailing junk and values that do not fit 32 bits are refused instead of cut.
/// </summary>
internal static class CInteger
{
    /// <summary>Parses the whole text; false on junk or overflow beyond 64 bits.</summary>
    public static bool TryParse(string text, out long value)
    {
        value = 0;
        var span = text.AsSpan();
        var negative = false;
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.IsEmpty)
        {
            return false;
        }

        ulong magnitude = 0;
        bool ok;
        if (span.Length > 2 && span[0] == '0' && (span[1] == 'x' || span[1] == 'X'))
        {
            ok = ulong.TryParse(span[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude);
        }
        else if (span.Length > 1 && span[0] == '0')
        {
            ok = TryParseOctal(span[1..], out magnitude);
        }
        else
        {
            ok = span[0] is >= '0' and <= '9' && ulong.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude);
        }

        if (!ok || magnitude > long.MaxValue)
        {
            return false;
        }

        value = negative ? -(long)magnitude : (long)magnitude;
        return true;
    }

    /// <summary>A value that fits the kernel's u32, read as auditctl stores it: negatives wrap (-1 is 4294967295).</summary>
    public static bool TryParseUInt32(string text, out uint value)
    {
        value = 0;
        if (!TryParse(text, out var parsed) || parsed < int.MinValue || parsed > uint.MaxValue)
        {
            return false;
        }

        value = unchecked((uint)parsed);
        return true;
    }

    private static bool TryParseOctal(ReadOnlySpan<char> digits, out ulong value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '7' || value > (ulong.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) | (uint)(c - '0');
        }

        return true;
    }
}
