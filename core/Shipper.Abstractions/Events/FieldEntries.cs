namespace Shipper.Events;

/// <summary>
/// The keys and values of one <see cref="FieldMap"/> level, in insertion order. Small levels (most of an event's)
/// are searched linearly, which beats hashing for a handful of keys that are mostly the same string instances;
/// a level that grows past <see cref="IndexThreshold"/> keys gets a hash index. Lookups take a span, so walking a
/// dotted path needs no segment strings. Not thread-safe.
/// </summary>
internal sealed class FieldEntries
{
    private const int IndexThreshold = 12;

    private string[] _keys;
    private object?[] _values;
    private Dictionary<string, int>? _index;

    public FieldEntries(int capacity)
    {
        _keys = capacity > 0 ? new string[capacity] : [];
        _values = capacity > 0 ? new object?[capacity] : [];
    }

    public int Count { get; private set; }

    public string KeyAt(int index) => _keys[index];

    public object? ValueAt(int index) => _values[index];

    public void SetValueAt(int index, object? value) => _values[index] = value;

    public int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        var keys = _keys;
        for (var i = 0; i < Count; i++)
        {
            if (ReferenceEquals(keys[i], key))
            {
                return i;
            }
        }

        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public int IndexOf(ReadOnlySpan<char> key)
    {
        if (_index is not null)
        {
            return _index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var found) ? found : -1;
        }

        var keys = _keys;
        for (var i = 0; i < Count; i++)
        {
            if (key.SequenceEqual(keys[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public bool TryGetValue(string key, out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public bool TryGetValue(ReadOnlySpan<char> key, out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public void Set(string key, object? value)
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

    public void Set(ReadOnlySpan<char> key, object? value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            _values[index] = value;
        }
        else
        {
            Append(key.ToString(), value);
        }
    }

    /// <summary>Adds a key known to be absent.</summary>
    public void Append(string key, object? value)
    {
        if (Count == _keys.Length)
        {
            var size = Math.Max(4, Count * 2);
            Array.Resize(ref _keys, size);
            Array.Resize(ref _values, size);
        }

        _keys[Count] = key;
        _values[Count] = value;
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
        Array.Clear(_keys, 0, Count);
        Array.Clear(_values, 0, Count);
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
        Array.Copy(_keys, index + 1, _keys, index, Count - index);
        Array.Copy(_values, index + 1, _values, index, Count - index);
        _keys[Count] = null!;
        _values[Count] = null;
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
            index[_keys[i]] = i;
        }

        _index = index;
    }
}
