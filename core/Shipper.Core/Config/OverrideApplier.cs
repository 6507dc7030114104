using Shipper.Config;

namespace Shipper.Core.Config;

/// <summary>
/// Applies one <c>-E key=value</c> flag. The key is dotted and may index lists
/// (<c>shipper.modules.0.rate_limit=5</c>); the value is read as YAML, so <c>tags=[a,b]</c> and
/// <c>output={file: {path: /tmp/x}}</c> work. A map value merges into the map already there, like a later file.
/// </summary>
internal static class OverrideApplier
{
    public const string Source = "-E flag";

    private static readonly ConfigLocation FlagLocation = new(Source, 0, 0);

    public static void Apply(MapNode root, string flag)
    {
        var equals = flag.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ConfigException($"-E expects key=value, got '{flag}'", null, FlagLocation);
        }

        var key = flag[..equals].Trim();
        var segments = KeyPaths.Split(key) ?? throw new ConfigException("the key has an empty part between dots", key, FlagLocation);
        var text = flag[(equals + 1)..];
        var value = text.Trim().Length == 0
            ? new ScalarNode(text.Trim(), FlagLocation, quoted: false, isNull: false)
            : ReadValue(key, text);

        ConfigNode parent = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            parent = Step(parent, segments, i);
        }

        Place(parent, segments, value);
    }

    private static ConfigNode ReadValue(string key, string text)
    {
        try
        {
            return YamlTreeReader.Read(text, Source, withPositions: false)!;
        }
        catch (ConfigException e)
        {
            throw new ConfigException(e.Reason, key, FlagLocation, e);
        }
    }

    private static ConfigNode Step(ConfigNode parent, string[] segments, int i)
    {
        var wantList = KeyPaths.TryIndex(segments[i + 1], out _);
        ConfigNode Fresh() => wantList ? new ListNode(FlagLocation) : new MapNode(FlagLocation);
        var segment = segments[i];
        if (parent is MapNode map)
        {
            if (map.TryGet(segment, out var child) && child is MapNode or ListNode)
            {
                return child;
            }

            var made = Fresh();
            map.Set(segment, made, FlagLocation);
            return made;
        }

        var list = (ListNode)parent;
        var index = ListIndex(list, segments, i);
        if (index < list.Items.Count && list.Items[index] is MapNode or ListNode)
        {
            return list.Items[index];
        }

        var fresh = Fresh();
        SetItem(list, index, fresh);
        return fresh;
    }

    private static void Place(ConfigNode parent, string[] segments, ConfigNode value)
    {
        var last = segments[^1];
        if (parent is MapNode map)
        {
            if (value is MapNode incoming && map.TryGet(last, out var existing) && existing is MapNode existingMap)
            {
                ConfigMerger.Merge(existingMap, incoming);
            }
            else
            {
                map.Set(last, value, FlagLocation);
            }

            return;
        }

        var list = (ListNode)parent;
        SetItem(list, ListIndex(list, segments, segments.Length - 1), value);
    }

    private static int ListIndex(ListNode list, string[] segments, int i)
    {
        var path = string.Join('.', segments[..i]);
        if (!KeyPaths.TryIndex(segments[i], out var index))
        {
            throw new ConfigException($"'{path}' is a list: expected an item number after it, got '{segments[i]}'", string.Join('.', segments[..(i + 1)]), FlagLocation);
        }

        if (index > list.Items.Count)
        {
            throw new ConfigException($"'{path}' has {list.Items.Count} items; use an index from 0 to {list.Items.Count} (the last one adds an item)", string.Join('.', segments[..(i + 1)]), FlagLocation);
        }

        return index;
    }

    private static void SetItem(ListNode list, int index, ConfigNode node)
    {
        if (index == list.Items.Count)
        {
            list.Items.Add(node);
        }
        else
        {
            list.Items[index] = node;
        }
    }
}
