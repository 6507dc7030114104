using System.Text;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>Keeps one string per field name (<c>pid</c>, <c>comm</c> …) so keys are not allocated per record. Not thread-safe.</summary>
internal sealed class KeyInterner
{
    private const int MaxEntries = 4096;
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public KeyInterner() => _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> key)
    {
        var length = key.Length + (prefix.IsEmpty ? 0 : prefix.Length + 1);
        if (length > 128)
        {
            return prefix.IsEmpty ? Encoding.UTF8.GetString(key) : $"{Encoding.UTF8.GetString(prefix)}_{Encoding.UTF8.GetString(key)}";
        }

        Span<char> chars = stackalloc char[length];
        var written = 0;
        if (!prefix.IsEmpty)
        {
            written = Encoding.UTF8.GetChars(prefix, chars);
            chars[written++] = '_';
        }

        written += Encoding.UTF8.GetChars(key, chars[written..]);
        var text = chars[..written];
        if (_lookup.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var created = text.ToString();
        if (_keys.Count < MaxEntries)
        {
            _keys[created] = created;
        }

        return created;
    }
}
