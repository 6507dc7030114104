namespace Shipper.Core.Config;

/// <summary>Builds and splits dotted key paths such as <c>shipper.modules.0.rate_limit</c>.</summary>
internal static class KeyPaths
{
    public static string Join(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    public static string Join(string parent, int index) => Join(parent, index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Splits a dotted key; null when a segment is empty (<c>a..b</c>, <c>.a</c>, <c>a.</c>).</summary>
    public static string[]? Split(string key)
    {
        var segments = key.Split('.');
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                return null;
            }
        }

        return segments;
    }

    /// <summary>A list index segment: digits only, no sign.</summary>
    public static bool TryIndex(string segment, out int index)
    {
        index = 0;
        foreach (var c in segment)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index);
    }

    /// <summary>Finds the node at a dotted path (list items by index), or null.</summary>
    public static ConfigNode? Find(ConfigNode root, string path)
    {
        var node = root;
        foreach (var segment in path.Split('.'))
        {
            node = node switch
            {
                MapNode map when map.TryGet(segment, out var child) => child,
                ListNode list when TryIndex(segment, out var i) && i < list.Items.Count => list.Items[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
