using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Shipper.Events;

/// <summary>
/// A tree of named values, addressed by dotted paths (<c>process.parent.pid</c>), as Beats' <c>mapstr</c>.
/// Values are <see langword="null"/>, strings, booleans, numbers, <see cref="DateTimeOffset"/>,
/// nested <see cref="FieldMap"/>s, or lists of these. Keys keep their insertion order.
/// Not thread-safe: an event belongs to one stage of the pipeline at a time.
/// <para>
/// A map can be frozen (<see cref="Freeze"/>) so that many events share it instead of each holding a copy (the
/// pipeline does this for <c>agent.*</c>, <c>ecs.*</c> and <c>host.*</c>). A frozen map refuses changes; the
/// path methods of the map that holds it (<see cref="Put"/>, <see cref="Remove"/>, <see cref="DeepUpdate"/>)
/// first replace it with a private, writable copy, so changing an event through them never touches the shared one.
/// </para>
/// </summary>
public sealed class FieldMap : IEnumerable<KeyValuePair<string, object?>>
{
    private FieldEntries _entries;

    /// <summary>Creates an empty map.</summary>
    public FieldMap() => _entries = new FieldEntries(0);

    /// <summary>Creates an empty map with room for <paramref name="capacity"/> keys.</summary>
    public FieldMap(int capacity) => _entries = new FieldEntries(capacity);

    /// <summary>The number of keys at this level.</summary>
    public int Count => _entries.Count;

    /// <summary>The keys at this level, in insertion order.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                yield return _entries.KeyAt(i);
            }
        }
    }

    /// <summary>True when the map is frozen and shared: it refuses changes (see the remarks on the type).</summary>
    public bool IsReadOnly { get; private set; }

    /// <summary>
    /// Gets or sets the value of a key at this level (no dotted-path walking). A nested map read this way may be
    /// frozen; change nested values through <see cref="Put"/> and <see cref="Remove"/>.
    /// </summary>
    public object? this[string key]
    {
        get => _entries.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' is not in the map.");
        set
        {
            ThrowIfReadOnly();
            _entries.Set(key, value);
        }
    }

    /// <summary>Sets a key at this level and returns this map, for collection-style building.</summary>
    public FieldMap Add(string key, object? value)
    {
        ThrowIfReadOnly();
        _entries.Set(key, value);
        return this;
    }

    /// <summary>
    /// Adds a key that the caller knows is not at this level yet, without looking for it: for a builder whose keys
    /// are distinct by construction (an event module writing its documents), where <see cref="Add"/> would compare
    /// each new key with every key before it. Adding a key that is there already leaves the map holding it twice.
    /// </summary>
    public FieldMap Append(string key, object? value)
    {
        ThrowIfReadOnly();
        System.Diagnostics.Debug.Assert(_entries.IndexOf(key) < 0, $"Append: the key '{key}' is in the map already");
        _entries.Append(key, value);
        return this;
    }

    /// <summary>
    /// Makes this map and everything in it read-only, so it can be shared by many events. Lists are replaced by
    /// read-only lists. Returns this map.
    /// </summary>
    public FieldMap Freeze()
    {
        if (IsReadOnly)
        {
            return this;
        }

        for (var i = 0; i < _entries.Count; i++)
        {
            var value = _entries.ValueAt(i);
            var frozen = FreezeValue(value);
            if (!ReferenceEquals(frozen, value))
            {
                _entries.SetValueAt(i, frozen);
            }
        }

        IsReadOnly = true;
        return this;
    }

    /// <summary>Finds the value at a dotted <paramref name="path"/>.</summary>
    /// <returns><see langword="true"/> when every segment exists (the value itself may be null).</returns>
    public bool TryGetValue(string path, out object? value)
    {
        ArgumentNullException.ThrowIfNull(path);

        // A key that itself holds dots ("a.b" stored flat) wins over walking.
        return _entries.TryGetValue(path, out value) || TryWalk(path, out value);
    }

    private bool TryGetValue(ReadOnlySpan<char> path, out object? value) => _entries.TryGetValue(path, out value) || TryWalk(path, out value);

    private bool TryWalk(ReadOnlySpan<char> path, out object? value)
    {
        value = null;
        var dot = path.IndexOf('.');
        if (dot < 0)
        {
            return false;
        }

        var map = this;
        var rest = path;
        while (dot >= 0)
        {
            if (!map._entries.TryGetValue(rest[..dot], out var child) || child is not FieldMap next)
            {
                value = null;
                return false;
            }

            map = next;
            rest = rest[(dot + 1)..];
            dot = rest.IndexOf('.');
        }

        return map._entries.TryGetValue(rest, out value);
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
        ThrowIfReadOnly();
        ArgumentNullException.ThrowIfNull(path);
        var map = this;
        var start = 0;
        int dot;
        while ((dot = path.IndexOf('.', start)) >= 0)
        {
            var segment = path.AsSpan(start, dot - start);
            var index = map._entries.IndexOf(segment);
            if (index < 0 || map._entries.ValueAt(index) is not FieldMap next)
            {
                next = new FieldMap();
                map._entries.Set(segment, next);
            }
            else
            {
                next = map.WritableChildAt(index, next);
            }

            map = next;
            start = dot + 1;
        }

        if (start == 0)
        {
            map._entries.Set(path, value);
        }
        else
        {
            map._entries.Set(path.AsSpan(start), value);
        }
    }

    /// <summary>Removes the value at <paramref name="path"/>. Returns whether it existed.</summary>
    public bool Remove(string path)
    {
        ThrowIfReadOnly();
        if (_entries.Remove(path))
        {
            return true;
        }

        var last = path.LastIndexOf('.');
        if (last < 0 || !TryGetValue(path.AsSpan(0, last), out var found) || found is not FieldMap target)
        {
            return false;
        }

        var key = path.AsSpan(last + 1);
        if (target._entries.IndexOf(key) < 0)
        {
            return false;
        }

        // Make the maps on the way writable (copies of shared ones), then remove from the last.
        var map = this;
        var start = 0;
        int dot;
        while ((dot = path.IndexOf('.', start)) >= 0 && dot <= last)
        {
            var segment = path.AsSpan(start, dot - start);
            var index = map._entries.IndexOf(segment);
            if (index < 0 || map._entries.ValueAt(index) is not FieldMap next)
            {
                // The parent was found as a flat dotted key, not by walking: remove there if it may change.
                return !target.IsReadOnly && target._entries.Remove(key);
            }

            map = map.WritableChildAt(index, next);
            start = dot + 1;
        }

        return map._entries.Remove(key);
    }

    /// <summary>
    /// Copies every entry of <paramref name="other"/> into this map; nested maps are merged
    /// key by key, other values replace what was there.
    /// </summary>
    /// <remarks>Frozen maps of <paramref name="other"/> are shared, not copied: that is what makes built-in fields cheap.</remarks>
    public void DeepUpdate(FieldMap other)
    {
        ArgumentNullException.ThrowIfNull(other);
        ThrowIfReadOnly();
        for (var i = 0; i < other._entries.Count; i++)
        {
            var key = other._entries.KeyAt(i);
            var value = other._entries.ValueAt(i);
            var index = _entries.IndexOf(key);
            if (value is FieldMap incoming && index >= 0 && _entries.ValueAt(index) is FieldMap current)
            {
                WritableChildAt(index, current).DeepUpdate(incoming);
            }
            else
            {
                _entries.Set(key, CloneValue(value));
            }
        }
    }

    /// <summary>A deep, writable copy: nested maps and lists are copied, scalars and frozen nested maps are shared (they cannot change).</summary>
    public FieldMap Clone()
    {
        var copy = new FieldMap(_entries.Count);
        for (var i = 0; i < _entries.Count; i++)
        {
            copy._entries.Append(_entries.KeyAt(i), CloneValue(_entries.ValueAt(i)));
        }

        return copy;
    }

    /// <summary>Removes every key.</summary>
    public void Clear()
    {
        ThrowIfReadOnly();
        _entries.Clear();
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            yield return KeyValuePair.Create(_entries.KeyAt(i), _entries.ValueAt(i));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The key at position <paramref name="index"/> of this level (0 ≤ index &lt; <see cref="Count"/>), for allocation-free walks.</summary>
    public string KeyAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_entries.Count, nameof(index));
        return _entries.KeyAt(index);
    }

    /// <summary>The value at position <paramref name="index"/> of this level, for allocation-free walks.</summary>
    public object? ValueAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_entries.Count, nameof(index));
        return _entries.ValueAt(index);
    }

    private static object? CloneValue(object? value) => value switch
    {
        FieldMap { IsReadOnly: true } => value,
        FieldMap map => map.Clone(),
        string or null => value,
        IList<object?> list => list.Select(CloneValue).ToList(),
        _ => value,
    };

    private static object? FreezeValue(object? value) => value switch
    {
        FieldMap map => map.Freeze(),
        string or null => value,
        IList<object?> list => list.Select(FreezeValue).ToList().AsReadOnly(),
        _ => value,
    };

    /// <summary>The child map at position <paramref name="index"/>, replaced first by a writable copy when it is frozen.</summary>
    private FieldMap WritableChildAt(int index, FieldMap child)
    {
        if (!child.IsReadOnly)
        {
            return child;
        }

        var copy = child.WritableCopy();
        _entries.SetValueAt(index, copy);
        return copy;
    }

    /// <summary>A writable copy of this level that shares its values (nested frozen maps stay shared until written).</summary>
    private FieldMap WritableCopy()
    {
        var copy = new FieldMap(_entries.Count);
        for (var i = 0; i < _entries.Count; i++)
        {
            copy._entries.Append(_entries.KeyAt(i), _entries.ValueAt(i));
        }

        return copy;
    }

    private void ThrowIfReadOnly()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException(
                "This field map is frozen and shared by many events; change the event's fields through Put, Remove or DeepUpdate on the event's own fields.");
        }
    }
}
