using System.Diagnostics.CodeAnalysis;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>
/// An event's or record's fields, name → value, each name once, in the order they were added: what a dictionary
/// of strings did for the coalescer, without hashing every name on every insert. A list of a few dozen fields is
/// searched from the start; the names' <see cref="FieldKey.Bit"/>s, or-ed together, answer most "not there yet"
/// questions (the usual case while a record is read) without a search. Reused from event to event. Not thread-safe.
/// </summary>
internal sealed class FieldList
{
    private FieldKey?[] _keys;
    private string[] _values;
    private int _count;
    private int _removed;
    private ulong _bits;

    public FieldList(int capacity = 16)
    {
        _keys = new FieldKey[capacity];
        _values = new string[capacity];
    }

    public int Count => _count - _removed;

    /// <summary>Adds the field unless the name is there already (the first value wins).</summary>
    /// <returns>False when the name was there.</returns>
    public bool TryAdd(FieldKey key, string value)
    {
        if (IndexOf(key) >= 0)
        {
            return false;
        }

        Append(key, value);
        return true;
    }

    /// <summary>Sets the field: a name already there keeps its place and takes the new value.</summary>
    public void Set(FieldKey key, string value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            _values[index] = value;
        }
        else
        {
            Append(key, value);
        }
    }

    public string? Get(FieldKey key) => IndexOf(key) is var index and >= 0 ? _values[index] : null;

    public bool TryGetValue(FieldKey key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public bool ContainsKey(FieldKey key) => IndexOf(key) >= 0;

    /// <summary>Takes the field out; the others keep their order.</summary>
    public bool Remove(FieldKey key, [MaybeNullWhen(false)] out string value) => RemoveAt(IndexOf(key), out value);

    private bool RemoveAt(int index, [MaybeNullWhen(false)] out string value)
    {
        if (index < 0)
        {
            value = null;
            return false;
        }

        // Left as a gap that searches and the enumerator step over (the coalescer takes a few fields out of every
        // event's data, and closing each gap cost more than stepping over it). _bits keeps the name's bit: a bit
        // set for nothing only costs a search.
        value = _values[index];
        _keys[index] = null;
        _values[index] = null!;
        _removed++;
        return true;
    }

    public void Clear()
    {
        Array.Clear(_keys, 0, _count);
        Array.Clear(_values, 0, _count);
        _count = 0;
        _removed = 0;
        _bits = 0;
    }

    public Enumerator GetEnumerator() => new(this);

    private int IndexOf(FieldKey key)
    {
        if ((_bits & key.Bit) == 0)
        {
            return -1;
        }

        var keys = _keys;
        if (key.IsCanonical)
        {
            // A well-known name has no other instance.
            for (var i = 0; i < _count; i++)
            {
                if (ReferenceEquals(keys[i], key))
                {
                    return i;
                }
            }

            return -1;
        }

        for (var i = 0; i < _count; i++)
        {
            if (keys[i] is { } other && (ReferenceEquals(other, key) || string.Equals(other.Text, key.Text, StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return -1;
    }

    private void Append(FieldKey key, string value)
    {
        if (_count == _keys.Length)
        {
            var capacity = Math.Max(4, _count * 2);
            Array.Resize(ref _keys, capacity);
            Array.Resize(ref _values, capacity);
        }

        _keys[_count] = key;
        _values[_count] = value;
        _count++;
        _bits |= key.Bit;
    }

    /// <summary>Walks the fields in order; the list must not change meanwhile.</summary>
    public struct Enumerator(FieldList list)
    {
        private int _index = -1;

        public readonly Field Current => new(list._keys[_index]!, list._values[_index]);

        public bool MoveNext()
        {
            while (++_index < list._count)
            {
                if (list._keys[_index] is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public readonly record struct Field(FieldKey Key, string Value);
}
