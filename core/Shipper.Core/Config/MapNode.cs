using Shipper.Config;

namespace Shipper.Core.Config;

/// <summary>A mapping; keys keep the order written and each remembers its own location.</summary>
internal sealed class MapNode(ConfigLocation location) : ConfigNode(location)
{
    private readonly OrderedDictionary<string, ConfigNode> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConfigLocation> _keyLocations = new(StringComparer.Ordinal);

    /// <summary>
    /// True while the map exists only because a dotted key (<c>output.console.pretty</c>) needed it;
    /// such a map may still be extended by another key of the same file without being a duplicate.
    /// </summary>
    public bool Implicit { get; set; }

    public override string Kind => "a map";

    public int Count => _children.Count;

    public IEnumerable<string> Keys => _children.Keys;

    public IEnumerable<KeyValuePair<string, ConfigNode>> Children => _children;

    public bool TryGet(string key, out ConfigNode node) => _children.TryGetValue(key, out node!);

    public ConfigLocation KeyLocation(string key) => _keyLocations.TryGetValue(key, out var location) ? location : Location;

    /// <summary>Adds or replaces <paramref name="key"/>; a replaced key keeps its position.</summary>
    public void Set(string key, ConfigNode node, ConfigLocation keyLocation)
    {
        _children[key] = node;
        _keyLocations[key] = keyLocation;
    }

    /// <summary>A copy of this map's entries (not of the children) without <paramref name="hidden"/>.</summary>
    public MapNode Without(IReadOnlyCollection<string> hidden)
    {
        var copy = new MapNode(Location);
        foreach (var (key, child) in _children)
        {
            if (!hidden.Contains(key))
            {
                copy.Set(key, child, KeyLocation(key));
            }
        }

        return copy;
    }
}
