using System.Text;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>
/// Keeps one <see cref="FieldKey"/> per field name (<c>pid</c>, <c>comm</c>, <c>subj_user</c> …) so keys are not
/// allocated, nor their JSON names encoded, per record. Looked up by the record's own bytes in a small direct-mapped table (a name seen before costs a hash and a
/// byte comparison, no transcoding); a collision just replaces the slot. Not thread-safe.
/// </summary>
internal sealed class KeyInterner
{
    private const int Slots = 1024;
    private const int MaxKeyBytes = 128;

    private readonly byte[]?[] _bytes = new byte[Slots][];
    private readonly FieldKey[] _keys = new FieldKey[Slots];

    public FieldKey Get(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> key)
    {
        var length = key.Length + (prefix.IsEmpty ? 0 : prefix.Length + 1);
        if (length > MaxKeyBytes)
        {
            return FieldKey.Of(prefix.IsEmpty ? Encoding.UTF8.GetString(key) : $"{Encoding.UTF8.GetString(prefix)}_{Encoding.UTF8.GetString(key)}");
        }

        return prefix.IsEmpty ? Get(key) : GetPrefixed(prefix, key, length);
    }

    private FieldKey GetPrefixed(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> key, int length)
    {
        Span<byte> name = stackalloc byte[length];
        prefix.CopyTo(name);
        name[prefix.Length] = (byte)'_';
        key.CopyTo(name[(prefix.Length + 1)..]);
        return Get(name);
    }

    private FieldKey Get(ReadOnlySpan<byte> name)
    {
        var slot = Slot(name);
        if (_bytes[slot] is { } known && name.SequenceEqual(known))
        {
            return _keys[slot];
        }

        var key = FieldKey.Of(Encoding.UTF8.GetString(name));
        _bytes[slot] = name.ToArray();
        _keys[slot] = key;
        return key;
    }

    private static int Slot(ReadOnlySpan<byte> name)
    {
        var hash = 2166136261u;
        foreach (var b in name)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)((hash ^ (hash >> 15)) & (Slots - 1));
    }
}
