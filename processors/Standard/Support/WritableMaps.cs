using Shipper.Events;

namespace Shipper.Processors.Standard.Support;

/// <summary>
/// Copy-on-write for frozen maps: the pipeline shares frozen maps (<c>agent.*</c>, <c>host.*</c>, global
/// <c>fields</c>) between events, so a processor that changes one first gives its event a private copy.
/// </summary>
internal static class WritableMaps
{
    /// <summary>Returns <paramref name="child"/>, or, when it is frozen, a writable shallow copy put in its place in <paramref name="parent"/>.</summary>
    public static FieldMap Child(FieldMap parent, string key, FieldMap child)
    {
        if (!child.IsReadOnly)
        {
            return child;
        }

        var copy = new FieldMap(child.Count + 4);
        foreach (var (k, v) in child)
        {
            copy.Add(k, v);
        }

        parent[key] = copy;
        return copy;
    }
}
