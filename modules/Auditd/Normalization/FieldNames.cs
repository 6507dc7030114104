using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// The rest of a field name after its prefix (<c>subj_user</c> → <c>user</c>, <c>obj_role</c> → <c>role</c>), made
/// once per name and thread instead of once per event, so the document's keys stay the same keys (with their JSON
/// form) from event to event. The names come from records, so the table stops growing at a bound.
/// </summary>
internal static class FieldNames
{
    private const int MaxNames = 4096;

    [ThreadStatic]
    private static Dictionary<string, FieldKey>? _suffixes;

    /// <summary><paramref name="key"/> from <paramref name="start"/> on; a given key must always be cut at the same place.</summary>
    public static FieldKey After(FieldKey key, int start)
    {
        var suffixes = _suffixes ??= new Dictionary<string, FieldKey>(StringComparer.Ordinal);
        if (!suffixes.TryGetValue(key.Text, out var suffix))
        {
            suffix = FieldKey.Of(key.Text[start..]);
            if (suffixes.Count < MaxNames)
            {
                suffixes.Add(key.Text, suffix);
            }
        }

        return suffix;
    }
}
