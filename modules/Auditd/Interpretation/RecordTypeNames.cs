using System.Buffers.Text;
using Shipper.Modules.Auditd.Tables;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>Record type names as auditd writes them (<c>SYSCALL</c>, <c>USER_LOGIN</c>, <c>UNKNOWN[1334]</c>), over the generated table.</summary>
public static class RecordTypeNames
{
    private const int RecentSlots = 64;

    private static readonly string[] LowerNames = BuildLowerNames();

    /// <summary>
    /// Names parsed lately, by their bytes, so the few types of a busy log skip the case-insensitive table lookup
    /// (which transcodes the name and hashes it ignoring case) on every record. An entry is replaced whole, so threads
    /// share the table safely.
    /// </summary>
    private static readonly RecentName?[] Recent = new RecentName?[RecentSlots];

    /// <summary>The name of <paramref name="type"/>, or <c>UNKNOWN[n]</c>.</summary>
    public static string NameOf(ushort type) => MessageTypeTable.GetNameOrUnknown(type);

    /// <summary>The lower-case name, as Auditbeat writes <c>auditd.message_type</c> (cached per type).</summary>
    public static string LowerNameOf(ushort type) => type < LowerNames.Length && LowerNames[type] is { } name ? name : NameOf(type).ToLowerInvariant();

    /// <summary>Reads a record type name as written after <c>type=</c>, including <c>UNKNOWN[n]</c>. Allocates nothing.</summary>
    public static bool TryParse(ReadOnlySpan<byte> name, out ushort type)
    {
        if (name.StartsWith("UNKNOWN["u8) && name.EndsWith("]"u8))
        {
            return Utf8Parser.TryParse(name[8..^1], out type, out var used) && used == name.Length - 9;
        }

        var slot = name.IsEmpty ? 0 : (name.Length * 31 + name[0] * 7 + name[^1]) & (RecentSlots - 1);
        if (Recent[slot] is { } recent && name.SequenceEqual(recent.Name))
        {
            type = recent.Type;
            return true;
        }

        if (MessageTypeTable.TryGetNumber(name, out var number) && number is >= 0 and <= ushort.MaxValue)
        {
            type = (ushort)number;
            Recent[slot] = new RecentName(name.ToArray(), type);
            return true;
        }

        type = 0;
        return false;
    }

    private sealed record RecentName(byte[] Name, ushort Type);

    private static string[] BuildLowerNames()
    {
        var names = new string[3000];
        for (var type = 0; type < names.Length; type++)
        {
            if (MessageTypeTable.TryGetName(type, out var name))
            {
                names[type] = name.ToLowerInvariant();
            }
        }

        return names;
    }
}
