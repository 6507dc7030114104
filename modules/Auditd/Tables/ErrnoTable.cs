namespace Shipper.Modules.Auditd.Tables;

/// <summary>
/// Errno names and numbers from asm-generic/errno-base.h and errno.h (<c>13</c> ↔ <c>EACCES</c>). Aliases
/// (<c>EWOULDBLOCK</c>, <c>EDEADLOCK</c>) are accepted by name and never returned as names. Thread-safe.
/// </summary>
public static class ErrnoTable
{
    private static readonly NameTable Table = new(ErrnoData.Names.Select(e => ((long)e.Number, e.Name)));

    /// <summary>The canonical name of a positive errno (13 → <c>EACCES</c>).</summary>
    public static bool TryGetName(int errno, out string name) => Table.TryGetName(errno, out name);

    /// <summary>The positive errno of a name (<c>EACCES</c> → 13); case-insensitive like auditctl.</summary>
    public static bool TryGetNumber(ReadOnlySpan<char> name, out int errno)
    {
        var found = Table.TryGetNumber(name, out var value);
        errno = (int)value;
        return found;
    }
}
