namespace Shipper.Core.Config;

/// <summary>
/// Merges a later configuration into an earlier one, as several <c>-c</c> files and <c>-E</c> flags do:
/// maps merge key by key, anything else (scalars, lists, a map meeting a scalar) is replaced by the later value.
/// </summary>
internal static class ConfigMerger
{
    /// <summary>Merges <paramref name="later"/> into <paramref name="target"/>, changing <paramref name="target"/>.</summary>
    public static void Merge(MapNode target, MapNode later)
    {
        foreach (var (key, incoming) in later.Children)
        {
            if (incoming is MapNode incomingMap && target.TryGet(key, out var existing) && existing is MapNode existingMap)
            {
                Merge(existingMap, incomingMap);
            }
            else
            {
                target.Set(key, incoming, later.KeyLocation(key));
            }
        }
    }
}
