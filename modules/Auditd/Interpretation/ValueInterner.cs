using System.Buffers.Binary;
using System.Text;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>
/// Reuses the string of a field value seen recently (<c>1000</c>, <c>yes</c>, <c>fe:00</c>, <c>/usr/bin/grep</c>,
/// <c>/lib64/ld-linux-x86-64.so.2</c> …): most values of an event repeat across its records and across events, so
/// most of them cost a hash and a comparison instead of a new string. Direct-mapped tables: a collision replaces the
/// slot, so memory stays fixed. Values of up to 16 bytes are packed into two words, which are both their hash input
/// and their key; longer ones (up to 256 bytes) are hashed from their length and three 8-byte samples and compared
/// with the kept string, which only ASCII text can match. Longer or non-ASCII values are always new strings.
/// Not thread-safe.
/// </summary>
internal sealed class ValueInterner
{
    private const int Slots = 2048;
    private const int MaxPackedBytes = 16;
    private const int MaxValueBytes = 256;

    private readonly ulong[] _low = new ulong[Slots];
    private readonly ulong[] _high = new ulong[Slots];
    private readonly string?[] _texts = new string?[Slots];
    private readonly string?[] _longTexts = new string?[Slots];

    public string Get(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        if (value.Length > MaxPackedBytes)
        {
            return value.Length > MaxValueBytes ? Encoding.UTF8.GetString(value) : GetLong(value);
        }

        // The value packed into two words (zero-padded, length in the top byte) is both its key and its hash input.
        var low = Pack(value.Length > 8 ? value[..8] : value);
        var high = (value.Length > 8 ? Pack(value[8..]) : 0) ^ ((ulong)value.Length << 56);
        var slot = (int)(((low * 0x9E3779B97F4A7C15UL) ^ (high * 0xC2B2AE3D27D4EB4FUL)) >> 53) & (Slots - 1);
        if (_texts[slot] is { } known && _low[slot] == low && _high[slot] == high)
        {
            return known;
        }

        var text = Encoding.UTF8.GetString(value);
        _low[slot] = low;
        _high[slot] = high;
        _texts[slot] = text;
        return text;
    }

    private string GetLong(ReadOnlySpan<byte> value)
    {
        var first = BinaryPrimitives.ReadUInt64LittleEndian(value);
        var middle = BinaryPrimitives.ReadUInt64LittleEndian(value[((value.Length / 2) - 4)..]);
        var last = BinaryPrimitives.ReadUInt64LittleEndian(value[^8..]);
        var hash = (first * 0x9E3779B97F4A7C15UL) ^ (middle * 0xC2B2AE3D27D4EB4FUL) ^ (last * 0x165667B19E3779F9UL) ^ ((ulong)value.Length * 0x27D4EB2F165667C5UL);
        var slot = (int)(hash >> 53) & (Slots - 1);
        if (_longTexts[slot] is { } known && known.Length == value.Length && Ascii.Equals(value, known))
        {
            return known;
        }

        var text = Encoding.UTF8.GetString(value);
        _longTexts[slot] = text;
        return text;
    }

    /// <summary>Up to 8 bytes as one little-endian word, zero-padded.</summary>
    private static ulong Pack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 8)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        }

        ulong word = 0;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            word = (word << 8) | bytes[i];
        }

        return word;
    }
}
