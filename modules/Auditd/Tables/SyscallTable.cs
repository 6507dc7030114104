using System.Collections.Frozen;

namespace Shipper.Modules.Auditd.Tables;

/// <summary>
/// Syscall numbers and names per architecture, generated from <c>ausyscall &lt;arch&gt; --dump</c> (x86_64, i386,
/// aarch64, arm, ppc, ppc64, ppc64le, s390, s390x). Architectures are given as AUDIT_ARCH values (the <c>arch=</c>
/// of a SYSCALL record, e.g. <c>0xC000003E</c> for x86_64). Thread-safe; names are cached strings.
/// </summary>
public static class SyscallTable
{
    // Each arch's table is built on first use: a host usually needs one or two of the nine.
    private static readonly FrozenDictionary<uint, Lazy<NameTable>> ByArch = Build();

    /// <summary>The AUDIT_ARCH values that have a syscall table.</summary>
    public static IEnumerable<uint> Arches => ByArch.Keys.Order();

    /// <summary>The name of syscall <paramref name="number"/> on <paramref name="arch"/> (e.g. 59 on x86_64 is <c>execve</c>).</summary>
    public static bool TryGetName(uint arch, int number, out string name)
    {
        if (ByArch.TryGetValue(arch, out var table))
        {
            return table.Value.TryGetName(number, out name);
        }

        name = string.Empty;
        return false;
    }

    /// <summary>The number of syscall <paramref name="name"/> on <paramref name="arch"/>; case-insensitive like auditctl.</summary>
    public static bool TryGetNumber(uint arch, ReadOnlySpan<char> name, out int number)
    {
        if (ByArch.TryGetValue(arch, out var table) && table.Value.TryGetNumber(name, out var found))
        {
            number = (int)found;
            return true;
        }

        number = 0;
        return false;
    }

    /// <summary>Every syscall of <paramref name="arch"/> in number order; empty for an arch with no table.</summary>
    public static IEnumerable<(int Number, string Name)> Entries(uint arch) =>
        ByArch.TryGetValue(arch, out var table) ? table.Value.Entries.Select(e => ((int)e.Number, e.Name)) : [];

    private static FrozenDictionary<uint, Lazy<NameTable>> Build()
    {
        var byMachine = new Dictionary<string, Func<(int Number, string Name)[]>>(StringComparer.Ordinal)
        {
            ["x86_64"] = () => SyscallData.X8664.Rows,
            ["i386"] = () => SyscallData.I386.Rows,
            ["aarch64"] = () => SyscallData.Aarch64.Rows,
            ["armeb"] = () => SyscallData.Arm.Rows,
            ["ppc"] = () => SyscallData.Ppc.Rows,
            ["ppc64"] = () => SyscallData.Ppc64.Rows,
            ["ppc64le"] = () => SyscallData.Ppc64le.Rows,
            ["s390"] = () => SyscallData.S390.Rows,
            ["s390x"] = () => SyscallData.S390x.Rows,
        };
        var tables = new Dictionary<uint, Lazy<NameTable>>();
        foreach (var (_, name, arch) in MachineData.Machines)
        {
            if (byMachine.TryGetValue(name, out var rows))
            {
                tables[arch] = new Lazy<NameTable>(() => new NameTable(rows().Select(r => ((long)r.Number, r.Name))));
            }
        }

        return tables.ToFrozenDictionary();
    }
}
