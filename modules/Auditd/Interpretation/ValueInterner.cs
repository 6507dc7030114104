using System.Text;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>
/// Reuses the string of a short field value seen recently (<c>1000</c>, <c>0</c>, <c>yes</c>, <c>fe:00</c>,
/// <c>NORMAL</c> …): most values of an event repeat across its records and across events, so most of them cost a
/// hash and a byte comparison instead of a new string. A direct-mapped table: a collision replaces the slot, so
/// memory stays fixed. Longer values are always new strings. Not thread-safe.
/// </summary>
internal sealed class ValueInterner
{
    private const int Slots = 2048;
    private const int MaxValueBytes = 16;

    private readonly ulong[] _low = new ulong[Slots];
    private readonly ulong[] _high = new ulong[Slots];
    private readonly string?[] _texts = new string?[Slots];

    public string Get(ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxValueBytes || value.IsEmpty)
        {
            return Encoding.UTF8.GetString(value);
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

    /// <summary>Up to 8 bytes as one little-endian word, zero-padded.</summary>
    private static ulong Pack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 8)
        {
            return System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        }

        ulong word = 0;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            word = (word << 8) | bytes[i];
        }

        return word;
    }
}
