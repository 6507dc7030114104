namespace Shipper.Modules.Auditd.Tables;

/// <summary>
/// File types for <c>-F filetype=</c>: the S_IF* mode bits and auditctl's names for them (0x4000 ↔ <c>dir</c>,
/// <c>file</c>, <c>socket</c>, <c>link</c>, <c>character</c>, <c>block</c>, <c>fifo</c>). Thread-safe.
/// </summary>
public static class FileTypeTable
{
    private static readonly NameTable Table = new(
        FileTypeData.Types.Select(t => ((long)t.Number, t.Name)),
        FileTypeData.Aliases.Select(t => ((long)t.Number, t.Name)));

    /// <summary>The name of S_IF* bits (0x4000 → <c>dir</c>).</summary>
    public static bool TryGetName(int mode, out string name) => Table.TryGetName(mode, out name);

    /// <summary>The S_IF* bits of a name; case-insensitive like auditctl.</summary>
    public static bool TryGetMode(ReadOnlySpan<char> name, out int mode)
    {
        var found = Table.TryGetNumber(name, out var value);
        mode = (int)value;
        return found;
    }
}
