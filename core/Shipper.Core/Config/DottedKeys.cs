using Shipper.Config;

namespace Shipper.Core.Config;

/// <summary>
/// Expands dotted keys into nested maps while a file is read. <c>output.console.pretty: true</c> and the nested
/// form are the same; a key path written twice in one file is an error naming both places, but a map made only
/// to hold a dotted key may be extended by another key.
/// </summary>
internal static class DottedKeys
{
    public static void Insert(MapNode map, string parentPath, string[] segments, ConfigNode value, ConfigLocation keyLocation)
    {
        var current = map;
        var path = parentPath;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            path = KeyPaths.Join(path, segments[i]);
            if (current.TryGet(segments[i], out var existing))
            {
                current = existing as MapNode ?? throw Duplicate(path, current.KeyLocation(segments[i]), keyLocation);
                continue;
            }

            var made = new MapNode(keyLocation) { Implicit = true };
            current.Set(segments[i], made, keyLocation);
            current = made;
        }

        var last = segments[^1];
        path = KeyPaths.Join(path, last);
        if (!current.TryGet(last, out var previous))
        {
            current.Set(last, value, keyLocation);
            return;
        }

        if (previous is MapNode before && value is MapNode after && (before.Implicit || after.Implicit))
        {
            // Two halves of one map, such as "output.console.codec: x" and "output: {console.pretty: true}".
            before.Implicit &= after.Implicit;
            foreach (var (key, child) in after.Children)
            {
                Insert(before, path, [key], child, after.KeyLocation(key));
            }

            return;
        }

        throw Duplicate(path, current.KeyLocation(last), keyLocation);
    }

    private static ConfigException Duplicate(string path, ConfigLocation first, ConfigLocation second) =>
        new($"duplicate key: it is also written at {first}", path, second);
}
