using System.Collections.Frozen;

namespace Shipper.Modules.Auditd.Tables;

/// <summary>
/// Syscall numbers and names per architecture, generated from <c>ausyscall &lt;arch&gt; --dump</c> (x86_64, i386,
/// aarch64, arm, ppc, ppc64, ppc64le, s390, s390x). Architectures are given as AUDIT_ARCH values (the <c>arch=</c>
/// of a SYSCALL record, e.g. <c>0xC000003E</c> for x86_64). Thread-safe; names are cached strings.
/// </summary>
public static class SyscallTable
{
    private static readonly FrozenDictionary<uint, NameTable> ByArch = Build();

    /// <summary>The AUDIT_ARCH values that have a syscall table.</summary>
    public static IEnumerable<uint> Arches => ByArch.Keys.Order();

    /// <summary>The name of syscall <paramref name="number"/> on <paramref name="arch"/> (e.g. 59 on x86_64 is <c>execve</c>).</summary>
    public static bool TryGetName(uint arch, int number, out string name)
    {
        if (ByArch.TryGetValue(arch, out var table))
        {
            return table.TryGetName(number, out name);
        }

        name = string.Empty;
        return false;
    }

    /// <summary>The number of syscall <paramref name="name"/> on <paramref name="arch"/>; case-insensitive like auditctl.</summary>
    public static bool TryGetNumber(uint arch, ReadOnlySpan<char> name, out int number)
    {
        if (ByArch.TryGetValue(arch, out var table) && table.TryGetNumber(name, out var found))
        {
            number = (int)found;
            return true;
        }

        number = 0;
        return false;
    }

    /// <summary>Every syscall of <paramref name="arch"/> in number order; empty for an arch with no table.</summary>
    public static IEnumerable<(int Number, string Name)> Entries(uint arch) =>
        ByArch.TryGetValue(arch, out var table) ? table.Entries.Select(e => ((int)e.Number, e.Name)) : [];

    private static FrozenDictionary<uint, NameTable> Build()
    {
        var byMachine = new Dictionary<string, (int Number, string Name)[]>(StringComparer.Ordinal)
        {
            ["x86_64"] = SyscallData.X8664,
            ["i386"] = SyscallData.I386,
            ["aarch64"] = SyscallData.Aarch64,
            ["armeb"] = SyscallData.Arm,
            ["ppc"] = SyscallData.Ppc,
            ["ppc64"] = SyscallData.Ppc64,
            ["ppc64le"] = SyscallData.Ppc64le,
            ["s390"] = SyscallData.S390,
            ["s390x"] = SyscallData.S390x,
        };
        var tables = new Dictionary<uint, NameTable>();
        foreach (var (_, name, arch) in MachineData.Machines)
        {
            if (byMachine.TryGetValue(name, out var rows))
            {
                tables[arch] = new NameTable(rows.Select(r => ((long)r.Number, r.Name)));
            }
        }

        return tables.ToFrozenDictionary();
    }
}
