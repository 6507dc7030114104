using System.Diagnostics;
using System.Text;
using Shipper.Modules.Auditd.Tables;

namespace Shipper.Modules.Auditd.Tests.Tables;

public class TableTests
{
    [Theory]
    [InlineData(0xC000003Eu, 59, "execve")]
    [InlineData(0x40000003u, 11, "execve")]
    [InlineData(0xC00000B7u, 221, "execve")]
    [InlineData(0xC000003Eu, 257, "openat")]
    [InlineData(0x40000003u, 102, "socketcall")]
    public void Syscall_numbers_turn_into_names_per_arch_and_back(uint arch, int number, string name)
    {
        Assert.True(SyscallTable.TryGetName(arch, number, out var found));
        Assert.Equal(name, found);
        Assert.True(SyscallTable.TryGetNumber(arch, name.ToUpperInvariant(), out var back));
        Assert.Equal(number, back);
    }

    [Fact]
    public void Syscall_names_are_the_same_cached_string_each_time()
    {
        SyscallTable.TryGetName(ArchTable.X8664, 2, out var first);
        SyscallTable.TryGetName(ArchTable.X8664, 2, out var second);
        Assert.Equal("open", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Unknown_syscalls_and_unknown_arches_are_not_found()
    {
        Assert.False(SyscallTable.TryGetName(ArchTable.X8664, 100_000, out _));
        Assert.False(SyscallTable.TryGetName(ArchTable.X8664, -1, out _));
        Assert.False(SyscallTable.TryGetName(0x1234, 1, out _));
        Assert.False(SyscallTable.TryGetNumber(ArchTable.X8664, "no_such_call", out _));
    }

    [Theory]
    [InlineData("x86_64")]
    [InlineData("i386")]
    [InlineData("aarch64")]
    [InlineData("s390x")]
    [InlineData("ppc64le")]
    public void The_syscall_tables_hold_exactly_what_ausyscall_dumps(string machine)
    {
        Assert.True(ArchTable.TryGetArch(machine, out var arch));
        var dump = Run("ausyscall", machine, "--dump").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split('\t')).Select(p => (int.Parse(p[0]), p[1]));
        Assert.Equal(dump, SyscallTable.Entries(arch));
    }

    [Theory]
    [InlineData(0xC000003Eu, "x86_64", "X86_64")]
    [InlineData(0x40000003u, "i386", "I386")]
    [InlineData(0xC00000B7u, "aarch64", "AARCH64")]
    public void Arches_have_machine_and_constant_names(uint arch, string machine, string constant)
    {
        Assert.True(ArchTable.TryGetMachineName(arch, out var name));
        Assert.Equal(machine, name);
        Assert.True(ArchTable.TryGetConstantName(arch, out var constantName));
        Assert.Equal(constant, constantName);
        Assert.True(ArchTable.TryGetArch(machine, out var back));
        Assert.Equal(arch, back);
    }

    [Fact]
    public void Machine_aliases_are_accepted_on_input()
    {
        Assert.True(ArchTable.TryGetArch("i686", out var arch));
        Assert.Equal(ArchTable.I386, arch);
        Assert.True(ArchTable.TryGetArch("armv7l", out _));
        Assert.True(ArchTable.TryGetConstantName(0xC00000F3u, out var riscv));
        Assert.Equal("RISCV64", riscv);
    }

    [Fact]
    public void Errno_names_use_the_canonical_name_and_accept_aliases()
    {
        Assert.True(ErrnoTable.TryGetName(13, out var eacces));
        Assert.Equal("EACCES", eacces);
        Assert.True(ErrnoTable.TryGetName(11, out var eagain));
        Assert.Equal("EAGAIN", eagain);
        Assert.True(ErrnoTable.TryGetNumber("EWOULDBLOCK", out var alias));
        Assert.Equal(11, alias);
        Assert.True(ErrnoTable.TryGetNumber("eperm", out var eperm));
        Assert.Equal(1, eperm);
        Assert.False(ErrnoTable.TryGetNumber("ENOTANERROR", out _));
    }

    [Theory]
    [InlineData(1300, "SYSCALL")]
    [InlineData(1320, "EOE")]
    [InlineData(1327, "PROCTITLE")]
    [InlineData(1400, "AVC")]
    [InlineData(1100, "USER_AUTH")]
    [InlineData(1112, "USER_LOGIN")]
    public void Message_types_use_auditds_names(int type, string name)
    {
        Assert.True(MessageTypeTable.TryGetName(type, out var found));
        Assert.Equal(name, found);
        Assert.True(MessageTypeTable.TryGetNumber(name, out var back));
        Assert.Equal(type, back);
        Assert.True(MessageTypeTable.TryGetNumber(Encoding.UTF8.GetBytes(name), out var fromBytes));
        Assert.Equal(type, fromBytes);
    }

    [Fact]
    public void Unknown_message_types_are_written_as_auditd_writes_them()
    {
        Assert.Equal("UNKNOWN[1499]", MessageTypeTable.GetNameOrUnknown(1499));
        Assert.Equal("EOE", MessageTypeTable.GetNameOrUnknown(1320));
    }

    [Fact]
    public void Rule_fields_have_auditctls_names_and_aliases()
    {
        Assert.True(FieldTable.TryGetName(9, out var auid));
        Assert.Equal("auid", auid);
        Assert.True(FieldTable.TryGetId("loginuid", out var alias));
        Assert.Equal(9, alias);
        Assert.True(FieldTable.TryGetId("key", out var key));
        Assert.Equal(210, key);
        Assert.False(FieldTable.TryGetId("ses", out _));
    }

    [Fact]
    public void File_types_fs_types_and_comparisons_resolve_both_ways()
    {
        Assert.True(FileTypeTable.TryGetMode("dir", out var dir));
        Assert.Equal(0x4000, dir);
        Assert.True(FileTypeTable.TryGetName(0x8000, out var file));
        Assert.Equal("file", file);
        Assert.True(FsTypeTable.TryGetMagic("debugfs", out var debugfs));
        Assert.Equal(0x64626720u, debugfs);
        Assert.True(CompareTable.TryGetId("uid", "obj_uid", out var compare));
        Assert.Equal(1, compare);
        Assert.True(CompareTable.TryGetFields(25, out var left, out var right));
        Assert.Equal(("sgid", "fsgid"), (left, right));
    }

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
