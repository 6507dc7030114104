using System.Text;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>The kernel's hex encoding of strings with spaces, quotes, control or non-ASCII bytes (upper-case digits).</summary>
public static class HexText
{
    /// <summary>True when <paramref name="value"/> is a non-empty, even-length run of upper-case hex digits.</summary>
    public static bool IsEncoded(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || (value.Length & 1) != 0)
        {
            return false;
        }

        foreach (var b in value)
        {
            if (b is not ((>= (byte)'0' and <= (byte)'9') or (>= (byte)'A' and <= (byte)'F')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes hex into <paramref name="destination"/> (half the length); false when not hex.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> hex, Span<byte> destination)
    {
        if ((hex.Length & 1) != 0 || destination.Length < hex.Length / 2)
        {
            return false;
        }

        for (var i = 0; i < hex.Length / 2; i++)
        {
            var high = Nibble(hex[2 * i]);
            var low = Nibble(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    /// <summary>Decodes hex to text (UTF-8, invalid bytes replaced); null when not hex.</summary>
    public static string? Decode(ReadOnlySpan<byte> hex)
    {
        var bytes = hex.Length <= 1024 ? stackalloc byte[hex.Length / 2] : new byte[hex.Length / 2];
        return TryDecode(hex, bytes) ? Encoding.UTF8.GetString(bytes) : null;
    }

    /// <summary>
    /// Decodes a NUL-separated hex list (PROCTITLE's argv) to text with spaces between the items; trailing NULs go.
    /// </summary>
    public static string? DecodeNulSeparated(ReadOnlySpan<byte> hex)
    {
        var bytes = hex.Length <= 1024 ? stackalloc byte[hex.Length / 2] : new byte[hex.Length / 2];
        if (!TryDecode(hex, bytes))
        {
            return null;
        }

        bytes = bytes.TrimEnd((byte)0);
        bytes.Replace((byte)0, (byte)' ');
        return Encoding.UTF8.GetString(bytes);
    }

    private static int Nibble(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
