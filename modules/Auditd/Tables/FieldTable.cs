namespace Shipper.Modules.Auditd.Tables;

/// <summary>
/// Rule field ids and the names auditctl uses for them (9 ↔ <c>auid</c>, with the alias <c>loginuid</c>),
/// generated from libaudit's field table. Thread-safe.
/// </summary>
public static class FieldTable
{
    private static readonly NameTable Table = new(
        FieldData.Fields.Select(f => ((long)f.Number, f.Name)),
        FieldData.Aliases.Select(f => ((long)f.Number, f.Name)));

    /// <summary>The name of a field id (9 → <c>auid</c>).</summary>
    public static bool TryGetName(int field, out string name) => Table.TryGetName(field, out name);

    /// <summary>The id of a field name or alias; case-insensitive like auditctl.</summary>
    public static bool TryGetId(ReadOnlySpan<char> name, out int field)
    {
        var found = Table.TryGetNumber(name, out var value);
        field = (int)value;
        return found;
    }
}
