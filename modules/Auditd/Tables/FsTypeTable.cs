namespace Shipper.Modules.Auditd.Tables;

/// <summary>File system magic numbers auditctl accepts by name in <c>-F fstype=</c> (<c>debugfs</c>, <c>tracefs</c>). Thread-safe.</summary>
public static class FsTypeTable
{
    private static readonly NameTable Table = new(FsTypeData.Types.Select(t => ((long)t.Number, t.Name)));

    /// <summary>The name of a file system magic number.</summary>
    public static bool TryGetName(uint magic, out string name) => Table.TryGetName(magic, out name);

    /// <summary>The magic number of a file system name; case-insensitive like auditctl.</summary>
    public static bool TryGetMagic(ReadOnlySpan<char> name, out uint magic)
    {
        var found = Table.TryGetNumber(name, out var value);
        magic = (uint)value;
        return found;
    }
}
