namespace Shipper.Events;

/// <summary>
/// The keys and values of one <see cref="FieldMap"/> level, in insertion order. Small levels (most of an event's)
/// are searched linearly, which beats hashing for a handful of keys that are mostly the same string instances;
/// a level that grows past <see cref="IndexThreshold"/> keys gets a hash index. Lookups take a span, so walking a
/// dotted path needs no segment strings. A mutable struct held in a field of its map (never copied), so a map is
/// one object plus one array. Not thread-safe.
/// </summary>
internal struct FieldEntries
{
    private const int IndexThreshold = 32;

    private Entry[] _entries;
    private Dictionary<string, int>? _index;

    public FieldEntries(int capacity) => _entries = capacity > 0 ? new Entry[capacity] : [];

    public int Count { get; private set; }

    public readonly string KeyAt(int index) => _entries[index].Key;

    public readonly object? ValueAt(int index) => _entries[index].Value;

    public readonly void SetValueAt(int index, object? value) => _entries[index].Value = value;

    public readonly int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        // One pass: the same instance (literals, interned keys) matches at once, another length is skipped at once,
        // and only keys of the same length are compared character by character.
        var entries = _entries;
        for (var i = 0; i < Count; i++)
        {
            var candidate = entries[i].Key;
            if (ReferenceEquals(candidate, key) || (candidate.Length == key.Length && candidate.AsSpan().SequenceEqual(key)))
            {
                return i;
            }
        }

        return -1;
    }

    public readonly int IndexOf(ReadOnlySpan<char> key)
    {
        if (_index is not null)
        {
            return _index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var found) ? found : -1;
        }

        var entries = _entries;
        for (var i = 0; i < Count; i++)
        {
            if (key.SequenceEqual(entries[i].Key))
            {
                return i;
            }
        }

        return -1;
    }

    public readonly bool TryGetValue(string key, out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _entries[index].Value : null;
        return index >= 0;
    }

    public readonly bool TryGetValue(ReadOnlySpan<char> key, out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _entries[index].Value : null;
        return index >= 0;
    }

    public void Set(string key, object? value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            _entries[index].Value = value;
        }
        else
        {
            Append(key, value);
        }
    }

    public void Set(ReadOnlySpan<char> key, object? value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            _entries[index].Value = value;
        }
        else
        {
            Append(SegmentNames.Get(key), value);
        }
    }

    /// <summary>Adds a key known to be absent.</summary>
    public void Append(string key, object? value)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, Count * 2));
        }

        _entries[Count] = new Entry(key, value);
        _index?.Add(key, Count);
        Count++;
        if (_index is null && Count > IndexThreshold)
        {
            BuildIndex();
        }
    }

    public bool Remove(string key) => RemoveAt(IndexOf(key));

    public bool Remove(ReadOnlySpan<char> key) => RemoveAt(IndexOf(key));

    public void Clear()
    {
        Array.Clear(_entries, 0, Count);
        Count = 0;
        _index = null;
    }

    private bool RemoveAt(int index)
    {
        if (index < 0)
        {
            return false;
        }

        Count--;
        Array.Copy(_entries, index + 1, _entries, index, Count - index);
        _entries[Count] = default;
        if (_index is not null)
        {
            BuildIndex();
        }

        return true;
    }

    private void BuildIndex()
    {
        var index = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            index[_entries[i].Key] = i;
        }

        _index = index;
    }

    private struct Entry(string key, object? value)
    {
        public string Key = key;

        public object? Value = value;
    }
}
