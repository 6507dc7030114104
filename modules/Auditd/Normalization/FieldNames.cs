namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// Field names made from other field names (<c>subj_user</c> → <c>user</c>, <c>port</c> → <c>socket_port</c>), made
/// once per name and thread instead of once per event, so the document's keys stay the same strings (whose JSON form
/// is cached) from event to event. The names come from records, so each table stops growing at a bound.
/// </summary>
internal static class FieldNames
{
    private const int MaxNames = 4096;

    [ThreadStatic]
    private static Dictionary<string, string>? _suffixes;

    [ThreadStatic]
    private static Dictionary<string, string>? _socketNames;

    /// <summary><paramref name="key"/> from <paramref name="start"/> on; a given key must always be cut at the same place.</summary>
    public static string After(string key, int start) => Cached(ref _suffixes, key, static (k, s) => k[s..], start);

    /// <summary><c>socket_</c> + <paramref name="key"/>.</summary>
    public static string Socket(string key) => Cached(ref _socketNames, key, static (k, _) => "socket_" + k, 0);

    private static string Cached(ref Dictionary<string, string>? table, string key, Func<string, int, string> make, int argument)
    {
        table ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!table.TryGetValue(key, out var name))
        {
            name = make(key, argument);
            if (table.Count < MaxNames)
            {
                table.Add(key, name);
            }
        }

        return name;
    }
}
