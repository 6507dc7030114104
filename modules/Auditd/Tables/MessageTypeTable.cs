namespace Shipper.Modules.Auditd.Tables;

/// <summary>
/// Audit message (record) types as auditd names them in <c>type=</c> (1300 ↔ <c>SYSCALL</c>), generated from the
/// libaudit table auditd itself uses. Types libaudit does not know are written by auditd as <c>UNKNOWN[n]</c>;
/// see <see cref="GetNameOrUnknown"/>. Thread-safe; returned names are cached strings.
/// </summary>
public static class MessageTypeTable
{
    private static readonly NameTable Table = new(MessageTypeData.Types.Select(t => ((long)t.Number, t.Name)));

    /// <summary>The name of a message type (1300 → <c>SYSCALL</c>).</summary>
    public static bool TryGetName(int type, out string name) => Table.TryGetName(type, out name);

    /// <summary>The name of a message type, or <c>UNKNOWN[n]</c> as auditd writes types it has no name for.</summary>
    public static string GetNameOrUnknown(int type) => TryGetName(type, out var name) ? name : $"UNKNOWN[{type}]";

    /// <summary>The number of a type name (<c>SYSCALL</c> → 1300); case-insensitive like libaudit.</summary>
    public static bool TryGetNumber(ReadOnlySpan<char> name, out int type)
    {
        var found = Table.TryGetNumber(name, out var value);
        type = (int)value;
        return found;
    }

    /// <summary>The number of a type name given as UTF-8 bytes (e.g. straight from an audit.log line), without allocating.</summary>
    public static bool TryGetNumber(ReadOnlySpan<byte> utf8Name, out int type)
    {
        var found = Table.TryGetNumber(utf8Name, out var value);
        type = (int)value;
        return found;
    }
}
