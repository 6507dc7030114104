using Shipper.Events;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// Where the document builder gets its maps and lists. A document that leaves the module (published into the
/// pipeline, which owns it from then on) is built from new ones. A document that is written and forgotten at once
/// (<c>shipper replay --stdout</c>) is built from reused ones: <see cref="Recycle"/> takes its maps and lists back
/// after it was written, so replaying a log allocates little more than the values' strings. Not thread-safe.
/// </summary>
internal sealed class DocumentParts
{
    private const int MaxSpareMaps = 256;
    private const int MaxSpareLists = 64;

    private readonly bool _reuse;
    private readonly Stack<FieldMap> _maps = new();
    private readonly Stack<List<object?>> _lists = new();

    public DocumentParts(bool reuse) => _reuse = reuse;

    /// <summary>An empty map.</summary>
    public FieldMap Map(int capacity) => _reuse && _maps.TryPop(out var map) ? map : new FieldMap(capacity);

    /// <summary>An empty list.</summary>
    public List<object?> List(int capacity) => _reuse && _lists.TryPop(out var list) ? list : new List<object?>(capacity);

    /// <summary>A list holding <paramref name="items"/>.</summary>
    public List<object?> ListOf(List<string> items)
    {
        var list = List(items.Count);
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>The map under <paramref name="key"/> of <paramref name="parent"/>, added when missing (or not a map).</summary>
    public FieldMap Child(FieldMap parent, string key)
    {
        if (parent.TryGetLocal(key, out var value) && value is FieldMap child)
        {
            return child;
        }

        child = Map(4);
        parent[key] = child;
        return child;
    }

    /// <summary>Sets <paramref name="value"/> at a path given as its segments, making the maps on the way.</summary>
    public void Put(FieldMap root, string[] path, object? value)
    {
        var map = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            map = Child(map, path[i]);
        }

        map[path[^1]] = value;
    }

    /// <summary>
    /// Takes back a map and everything in it (emptied), such as a written document's fields. Nothing of it may be
    /// used afterwards. Does nothing when parts are not reused.
    /// </summary>
    public void Recycle(FieldMap map)
    {
        if (_reuse)
        {
            Take(map);
        }
    }

    private void Take(FieldMap map)
    {
        if (map.IsReadOnly)
        {
            // Shared by many documents (service, user): not ours to empty.
            return;
        }

        for (var i = 0; i < map.Count; i++)
        {
            switch (map.ValueAt(i))
            {
                case FieldMap child:
                    Take(child);
                    break;
                case List<object?> list:
                    Take(list);
                    break;
            }
        }

        map.Clear();
        if (_maps.Count < MaxSpareMaps)
        {
            _maps.Push(map);
        }
    }

    private void Take(List<object?> list)
    {
        foreach (var item in list)
        {
            if (item is FieldMap child)
            {
                Take(child);
            }
        }

        list.Clear();
        if (_lists.Count < MaxSpareLists)
        {
            _lists.Push(list);
        }
    }
}
