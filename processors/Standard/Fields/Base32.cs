namespace Shipper.Processors.Standard.Fields;

/// <summary>RFC 4648 base32 (upper case, with <c>=</c> padding), which .NET does not provide.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var length = (data.Length + 4) / 5 * 8;
        Span<char> text = stackalloc char[length];
        var bits = 0;
        var buffer = 0;
        var at = 0;
        foreach (var b in data)
        {
            buffer = ((buffer << 8) | b) & 0xFFF;
            bits += 8;
            while (bits >= 5)
            {
                text[at++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text[at++] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        text[at..].Fill('=');
        return new string(text);
    }
}
