using System.Buffers.Text;
using System.Collections.Frozen;
using System.Text;
using Shipper.Modules.Auditd.Parsing;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>Record type names (<c>SYSCALL</c>, <c>USER_LOGIN</c>, <c>UNKNOWN[1334]</c>) and numbers.</summary>
public static class RecordTypeNames
{
    private static readonly FrozenDictionary<ushort, string> Names = new Dictionary<ushort, string>
    {
        [RecordTypes.Login] = "LOGIN",
        [RecordTypes.Syscall] = "SYSCALL",
        [RecordTypes.Path] = "PATH",
        [RecordTypes.Ipc] = "IPC",
        [RecordTypes.Socketcall] = "SOCKETCALL",
        [RecordTypes.ConfigChange] = "CONFIG_CHANGE",
        [RecordTypes.Sockaddr] = "SOCKADDR",
        [RecordTypes.Cwd] = "CWD",
        [RecordTypes.Execve] = "EXECVE",
        [RecordTypes.Eoe] = "EOE",
        [RecordTypes.BprmFcaps] = "BPRM_FCAPS",
        [RecordTypes.Capset] = "CAPSET",
        [RecordTypes.Proctitle] = "PROCTITLE",
        [RecordTypes.Replace] = "REPLACE",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, ushort> Numbers = Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, ushort>.AlternateLookup<ReadOnlySpan<char>> NumbersBySpan = Numbers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The name of <paramref name="type"/>, or <c>UNKNOWN[n]</c>.</summary>
    public static string NameOf(ushort type) => Names.TryGetValue(type, out var name) ? name : $"UNKNOWN[{type}]";

    /// <summary>Reads a record type name as written after <c>type=</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> name, out ushort type)
    {
        if (name.StartsWith("UNKNOWN["u8) && name.EndsWith("]"u8))
        {
            return Utf8Parser.TryParse(name[8..^1], out type, out var used) && used == name.Length - 9;
        }

        type = 0;
        if (name.Length is 0 or > 40)
        {
            return false;
        }

        Span<char> chars = stackalloc char[name.Length];
        var count = Encoding.ASCII.GetChars(name, chars);
        return NumbersBySpan.TryGetValue(chars[..count], out type);
    }
}
