using System.Runtime.InteropServices;
using Shipper.Modules.Auditd.Tables;

namespace Shipper.Modules.Auditd.Rules;

/// <summary>The AUDIT_ARCH of this machine, which <c>b64</c>, <c>b32</c> and rules without <c>-F arch</c> refer to.</summary>
internal static class HostMachine
{
    /// <summary>The native arch (x86_64 here); what auditctl finds through uname.</summary>
    public static uint Arch { get; } = Detect();

    private static uint Detect()
    {
        var name = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x86_64",
            Architecture.X86 => "i386",
            Architecture.Arm64 => "aarch64",
            Architecture.Arm => "armeb",
            Architecture.S390x => "s390x",
            Architecture.Ppc64le => "ppc64le",
            _ => "x86_64",
        };
        ArchTable.TryGetArch(name, out var arch);
        return arch;
    }

    /// <summary>The 32-bit arch of a 64-bit one, as auditctl maps <c>b32</c> (x86_64 → i386, aarch64 → arm).</summary>
    public static uint? ThirtyTwoBitOf(uint arch)
    {
        var name = ArchTable.TryGetMachineName(arch, out var n) ? n : string.Empty;
        var thirtyTwo = name switch
        {
            "x86_64" => "i386",
            "ppc64" => "ppc",
            "s390x" => "s390",
            "aarch64" => "armeb",
            "i386" or "ppc" or "s390" or "armeb" => name,
            _ => null,
        };
        return thirtyTwo is not null && ArchTable.TryGetArch(thirtyTwo, out var result) ? result : null;
    }
}
