using System.Collections.Frozen;

namespace Shipper.Modules.Auditd.Tables;

/// <summary>
/// Architectures: AUDIT_ARCH values (<c>arch=c000003e</c> in a SYSCALL record), the machine names auditctl and
/// ausearch use for them (<c>x86_64</c>, <c>i386</c>, <c>aarch64</c>, with aliases such as <c>i686</c> and
/// <c>armv7l</c> accepted on input), and the AUDIT_ARCH_* constant names of linux/audit.h. Thread-safe.
/// </summary>
public static class ArchTable
{
    /// <summary>AUDIT_ARCH_X86_64.</summary>
    public static readonly uint X8664 = Machine("x86_64");

    /// <summary>AUDIT_ARCH_I386, the 32-bit ABI of x86_64 (<c>b32</c> there).</summary>
    public static readonly uint I386 = Machine("i386");

    /// <summary>AUDIT_ARCH_AARCH64.</summary>
    public static readonly uint Aarch64 = Machine("aarch64");

    private static readonly NameTable Machines = new(
        MachineData.Machines.Select(m => ((long)m.Arch, m.Name)),
        MachineData.Aliases.Select(a => ((long)MachineData.Machines.First(m => m.Machine == a.Number).Arch, a.Name)));

    private static readonly FrozenDictionary<uint, string> Constants =
        AuditArchData.Arches.GroupBy(a => a.Number).ToFrozenDictionary(g => g.Key, g => g.First().Name);

    /// <summary>The machine name of an AUDIT_ARCH value as ausearch prints it (0xC000003E → <c>x86_64</c>).</summary>
    public static bool TryGetMachineName(uint arch, out string name) => Machines.TryGetName(arch, out name);

    /// <summary>The AUDIT_ARCH value of a machine name or alias (<c>x86_64</c>, <c>i686</c>, <c>armv7l</c>); case-insensitive.</summary>
    public static bool TryGetArch(ReadOnlySpan<char> machineName, out uint arch)
    {
        var found = Machines.TryGetNumber(machineName, out var value);
        arch = (uint)value;
        return found;
    }

    /// <summary>The linux/audit.h constant name without its prefix (0xC000003E → <c>X86_64</c>), for any arch the kernel headers know.</summary>
    public static bool TryGetConstantName(uint arch, out string name) => Constants.TryGetValue(arch, out name!);

    /// <summary>True for 64-bit AUDIT_ARCH values (__AUDIT_ARCH_64BIT).</summary>
    public static bool Is64Bit(uint arch) => (arch & 0x8000_0000u) != 0;

    private static uint Machine(string name) => MachineData.Machines.First(m => m.Name == name).Arch;
}
