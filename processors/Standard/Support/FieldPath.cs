using Shipper.Events;

namespace Shipper.Processors.Standard.Support;

/// <summary>
/// A dotted field path split once, at configuration time, so reading, writing and removing on the hot path walk
/// the event without allocating. Writes copy frozen (shared) maps on the way first, so an event never changes a
/// map it shares with others. A path starting with <c>@metadata.</c> addresses the event's metadata. As
/// <see cref="FieldMap.TryGetValue(string, out object?)"/>, a top-level key that itself holds the dots wins.
/// </summary>
internal sealed class FieldPath
{
    private const string MetadataPrefix = "@metadata.";

    private readonly string[] _segments;
    private readonly string _flat;
    private readonly bool _metadata;

    private FieldPath(string text)
    {
        Text = text;
        _metadata = text.StartsWith(MetadataPrefix, StringComparison.Ordinal);
        _flat = _metadata ? text[MetadataPrefix.Length..] : text;
        _segments = _flat.Split('.');
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>The last segment (the key that holds the value).</summary>
    public string Leaf => _segments[^1];

    /// <summary>
    /// Parses a dotted path; null when it is empty or has an empty segment (<c>a..b</c>, <c>.a</c>, <c>a.</c>).
    /// </summary>
    public static FieldPath? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text == "@metadata")
        {
            return null;
        }

        var path = new FieldPath(text);
        return Array.Exists(path._segments, s => s.Length == 0) ? null : path;
    }

    /// <summary>Finds the value; true when every segment exists (the value itself may be null).</summary>
    public bool TryGet(Event @event, out object? value) => TryGet(Root(@event), out value);

    /// <summary>Finds the value in <paramref name="root"/> (which is the event's fields or metadata).</summary>
    public bool TryGet(FieldMap root, out object? value)
    {
        if (_segments.Length > 1 && root.TryGetLocal(_flat, out value))
        {
            return true;
        }

        var map = root;
        for (var i = 0; i < _segments.Length - 1; i++)
        {
            if (!map.TryGetLocal(_segments[i], out var child) || child is not FieldMap next)
            {
                value = null;
                return false;
            }

            map = next;
        }

        return map.TryGetLocal(_segments[^1], out value);
    }

    /// <summary>True when a value (possibly null) exists at this path.</summary>
    public bool Exists(Event @event) => TryGet(@event, out _);

    /// <summary>Sets the value, creating intermediate maps; a non-map value in the way is replaced, as Beats does.</summary>
    public void Put(Event @event, object? value)
    {
        var root = Root(@event);
        if (_segments.Length > 1 && root.TryGetLocal(_flat, out _))
        {
            root[_flat] = value;
            return;
        }

        ParentForWrite(root)[_segments[^1]] = value;
    }

    /// <summary>Removes the value; returns whether it existed. Frozen maps on the way are copied first.</summary>
    public bool Remove(Event @event)
    {
        var root = Root(@event);
        if (_segments.Length > 1 && root.TryGetLocal(_flat, out _))
        {
            return root.Remove(_flat);
        }

        var parent = ParentForRead(root);
        if (parent is null || !parent.TryGetLocal(_segments[^1], out _))
        {
            return false;
        }

        if (parent.IsReadOnly)
        {
            parent = ParentForWrite(root);
        }

        return parent.Remove(_segments[^1]);
    }

    /// <summary>
    /// The map at this path, made writable (frozen maps on the way and the map itself are replaced by copies);
    /// null when the path is missing or holds something else than a map.
    /// </summary>
    public FieldMap? WritableMap(Event @event)
    {
        var root = Root(@event);
        if (!TryGet(root, out var value) || value is not FieldMap map)
        {
            return null;
        }

        if (_segments.Length > 1 && root.TryGetLocal(_flat, out _))
        {
            return WritableMaps.Child(root, _flat, map);
        }

        return WritableMaps.Child(ParentForWrite(root), _segments[^1], map);
    }

    /// <summary>The map holding the leaf, or null when a segment on the way is missing or not a map.</summary>
    public FieldMap? ParentForRead(FieldMap root)
    {
        var map = root;
        for (var i = 0; i < _segments.Length - 1; i++)
        {
            if (!map.TryGetLocal(_segments[i], out var child) || child is not FieldMap next)
            {
                return null;
            }

            map = next;
        }

        return map;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private FieldMap Root(Event @event) => _metadata ? @event.Metadata : @event.Fields;

    private FieldMap ParentForWrite(FieldMap root)
    {
        var map = root;
        for (var i = 0; i < _segments.Length - 1; i++)
        {
            if (!map.TryGetLocal(_segments[i], out var child) || child is not FieldMap next)
            {
                next = new FieldMap();
                map[_segments[i]] = next;
            }
            else
            {
                next = WritableMaps.Child(map, _segments[i], next);
            }

            map = next;
        }

        return map;
    }
}
