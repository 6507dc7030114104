namespace Shipper.Modules.Auditd.Tables;

/// <summary>
/// The kernel's AUDIT_COMPARE_* ids for <c>-C</c> rules, by the two fields they compare (<c>uid</c>,
/// <c>obj_uid</c>) ↔ 1, generated from linux/audit.h (<c>AUDIT_COMPARE_UID_TO_OBJ_UID</c>). Thread-safe.
/// </summary>
public static class CompareTable
{
    private static readonly NameTable Table = new(CompareData.Compares.Select(c => ((long)c.Number, c.Name)));

    /// <summary>The two field names an AUDIT_COMPARE_* id compares, left then right (1 → <c>uid</c>, <c>obj_uid</c>).</summary>
    public static bool TryGetFields(int compare, out string left, out string right)
    {
        if (Table.TryGetName(compare, out var name))
        {
            var split = name.IndexOf("_to_", StringComparison.Ordinal);
            left = name[..split];
            right = name[(split + 4)..];
            return true;
        }

        left = right = string.Empty;
        return false;
    }

    /// <summary>The AUDIT_COMPARE_* id comparing <paramref name="left"/> with <paramref name="right"/>, in that order.</summary>
    public static bool TryGetId(string left, string right, out int compare)
    {
        var found = Table.TryGetNumber($"{left}_to_{right}", out var value);
        compare = (int)value;
        return found;
    }
}
