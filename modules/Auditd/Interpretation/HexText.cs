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

    private static int Nibble(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
