using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Shipper.Events;

/// <summary>
/// A tree of named values, addressed by dotted paths (<c>process.parent.pid</c>), as Beats' <c>mapstr</c>.
/// Values are <see langword="null"/>, strings, booleans, numbers, <see cref="DateTimeOffset"/>,
/// nested <see cref="FieldMap"/>s, or lists of these. Keys keep their insertion order.
/// Not thread-safe: an event belongs to one stage of the pipeline at a time.
/// </summary>
public sealed class FieldMap : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly OrderedDictionary<string, object?> _entries;

    /// <summary>Creates an empty map.</summary>
    public FieldMap() => _entries = new OrderedDictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Creates an empty map with room for <paramref name="capacity"/> keys.</summary>
    public FieldMap(int capacity) => _entries = new OrderedDictionary<string, object?>(capacity, StringComparer.Ordinal);

    /// <summary>The number of keys at this level.</summary>
    public int Count => _entries.Count;

    /// <summary>The keys at this level, in insertion order.</summary>
    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>Gets or sets the value of a key at this level (no dotted-path walking).</summary>
    public object? this[string key]
    {
        get => _entries[key];
        set => _entries[key] = value;
    }

    /// <summary>Sets a key at this level and returns this map, for collection-style building.</summary>
    public FieldMap Add(string key, object? value)
    {
        _entries[key] = value;
        return this;
    }

    /// <summary>Finds the value at a dotted <paramref name="path"/>.</summary>
    /// <returns><see langword="true"/> when every segment exists (the value itself may be null).</returns>
    public bool TryGetValue(string path, out object? value)
    {
        var map = this;
        var start = 0;
        while (true)
        {
            var dot = path.IndexOf('.', start);
            if (dot < 0)
            {
                return map._entries.TryGetValue(start == 0 ? path : path[start..], out value);
            }

            // A key that itself holds dots ("a.b" stored flat) wins over walking.
            if (start == 0 && map._entries.TryGetValue(path, out value))
            {
                return true;
            }

            if (!map._entries.TryGetValue(path[start..dot], out var child) || child is not FieldMap next)
            {
                value = null;
                return false;
            }

            map = next;
            start = dot + 1;
        }
    }

    /// <summary>
    /// Finds <paramref name="key"/> at this level only, taking dots as part of the key. Never allocates, which makes
    /// it the building block for callers that walk pre-split paths on a hot path.
    /// </summary>
    public bool TryGetLocal(string key, out object? value) => _entries.TryGetValue(key, out value);

    /// <summary>Returns the value at <paramref name="path"/>, or <see langword="null"/> when absent.</summary>
    public object? GetValueOrDefault(string path) => TryGetValue(path, out var value) ? value : null;

    /// <summary>Finds the value at <paramref name="path"/> when it has type <typeparamref name="T"/>.</summary>
    public bool TryGetValue<T>(string path, [MaybeNullWhen(false)] out T value)
    {
        if (TryGetValue(path, out var raw) && raw is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>True when a value (possibly null) exists at <paramref name="path"/>.</summary>
    public bool ContainsPath(string path) => TryGetValue(path, out _);

    /// <summary>
    /// Sets the value at a dotted <paramref name="path"/>, creating intermediate maps.
    /// A non-map value standing where a map is needed is replaced, as Beats does.
    /// </summary>
    public void Put(string path, object? value)
    {
        var map = this;
        var start = 0;
        int dot;
        while ((dot = path.IndexOf('.', start)) >= 0)
        {
            var segment = path[start..dot];
            if (!map._entries.TryGetValue(segment, out var child) || child is not FieldMap next)
            {
                next = new FieldMap();
                map._entries[segment] = next;
            }

            map = next;
            start = dot + 1;
        }

        map._entries[start == 0 ? path : path[start..]] = value;
    }

    /// <summary>Removes the value at <paramref name="path"/>. Returns whether it existed.</summary>
    public bool Remove(string path)
    {
        if (_entries.Remove(path))
        {
            return true;
        }

        var dot = path.LastIndexOf('.');
        if (dot < 0)
        {
            return false;
        }

        return TryGetValue(path[..dot], out var parent) && parent is FieldMap map && map._entries.Remove(path[(dot + 1)..]);
    }

    /// <summary>
    /// Copies every entry of <paramref name="other"/> into this map; nested maps are merged
    /// key by key, other values replace what was there.
    /// </summary>
    public void DeepUpdate(FieldMap other)
    {
        foreach (var (key, value) in other._entries)
        {
            if (value is FieldMap incoming && _entries.TryGetValue(key, out var existing) && existing is FieldMap current)
            {
                current.DeepUpdate(incoming);
            }
            else
            {
                _entries[key] = value is FieldMap map ? map.Clone() : value;
            }
        }
    }

    /// <summary>A deep copy: nested maps and lists are copied, scalars are shared (they are immutable).</summary>
    public FieldMap Clone()
    {
        var copy = new FieldMap(_entries.Count);
        foreach (var (key, value) in _entries)
        {
            copy._entries[key] = CloneValue(value);
        }

        return copy;
    }

    /// <summary>Removes every key.</summary>
    public void Clear() => _entries.Clear();

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static object? CloneValue(object? value) => value switch
    {
        FieldMap map => map.Clone(),
        string or null => value,
        IList<object?> list => list.Select(CloneValue).ToList(),
        _ => value,
    };
}
