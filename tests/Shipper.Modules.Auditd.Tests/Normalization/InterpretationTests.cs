using Shipper.Events;
using Shipper.Modules.Auditd.Normalization;

namespace Shipper.Modules.Auditd.Tests.Normalization;

/// <summary>Edge cases of record interpretation, seen through the documents a user gets.</summary>
public class InterpretationTests
{
    private const string Syscall = "type=SYSCALL msg=audit(1700000000.123:50): arch=c000003e syscall=59 success=yes exit=0 a0=1 a1=2 a2=3 a3=4 items=1 ppid=1 pid=42 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm=\"x\" exe=\"/usr/bin/x\" key=\"exec\"";
    private const string Proctitle = "type=PROCTITLE msg=audit(1700000000.123:50): proctitle=7800";

    [Fact]
    public void Execve_arguments_split_across_records_and_into_pieces_are_rebuilt_exactly()
    {
        // "héllo wörld" is hex because of the space; its pieces cut the UTF-8 of "ö" in two.
        var doc = Single(
            Syscall,
            "type=EXECVE msg=audit(1700000000.123:50): argc=4 a0=\"prog\" a1_len=13 a1[0]=68C3A96C6C6F2077C3 a1[1]=B6726C64",
            "type=EXECVE msg=audit(1700000000.123:50):  a2=\"\" a3=\"last\"",
            Proctitle);

        Assert.Equal(new object?[] { "prog", "héllo wörld", "", "last" }, (List<object?>)doc.Fields.GetValueOrDefault("process.args")!);
        Assert.Equal("4", doc.Fields.GetValueOrDefault("auditd.data.argc"));
    }

    [Fact]
    public void A_missing_execve_argument_is_a_warning_not_a_failure()
    {
        var doc = Single(new NormalizerOptions(IncludeWarnings: true), Syscall, "type=EXECVE msg=audit(1700000000.123:50): argc=3 a0=\"a\" a2=\"c\"", Proctitle);

        Assert.Equal(new object?[] { "a", "", "c" }, (List<object?>)doc.Fields.GetValueOrDefault("process.args")!);
        Assert.Contains((List<object?>)doc.Fields.GetValueOrDefault("error.message")!, m => ((string)m!).Contains("a1 is missing", StringComparison.Ordinal));
        Assert.NotNull(doc.Fields.GetValueOrDefault("event.original"));
    }

    [Theory]
    [InlineData("02000050A9FEA9FE0000000000000000", "ipv4", "169.254.169.254", "80", null)]
    [InlineData("0A000016000000000000000000000000000000000000000100000000", "ipv6", "::1", "22", null)]
    [InlineData("01002F746D702F736F636B00", "unix", null, null, "/tmp/sock")]
    [InlineData("0100006162737472616374", "unix", null, null, "@abstract")]
    public void Socket_addresses_of_each_family_are_decoded_and_connect_makes_a_destination(string saddr, string family, string? ip, string? port, string? path)
    {
        var doc = Single(
            Syscall.Replace("syscall=59", "syscall=42", StringComparison.Ordinal),
            $"type=SOCKADDR msg=audit(1700000000.123:50): saddr={saddr}",
            Proctitle);

        Assert.Equal(family, doc.Fields.GetValueOrDefault("auditd.data.socket.family"));
        Assert.Equal("egress", doc.Fields.GetValueOrDefault("network.direction"));
        Assert.Equal(ip, doc.Fields.GetValueOrDefault("destination.ip"));
        Assert.Equal(port is null ? null : int.Parse(port), doc.Fields.GetValueOrDefault("destination.port"));
        Assert.Equal(path, doc.Fields.GetValueOrDefault("destination.path"));
        Assert.Equal("connect", doc.Fields.GetValueOrDefault("auditd.data.syscall"));
    }

    [Fact]
    public void A_netlink_address_gives_port_id_and_groups()
    {
        var doc = Single(Syscall.Replace("syscall=59", "syscall=49", StringComparison.Ordinal), "type=SOCKADDR msg=audit(1700000000.123:50): saddr=100000003930000001000000", Proctitle);

        Assert.Equal("netlink", doc.Fields.GetValueOrDefault("auditd.data.socket.family"));
        Assert.Equal("12345", doc.Fields.GetValueOrDefault("auditd.data.socket.pid"));
        Assert.Equal("1", doc.Fields.GetValueOrDefault("auditd.data.socket.groups"));
        Assert.Equal("bind", doc.Fields.GetValueOrDefault("auditd.data.syscall"));
    }

    [Fact]
    public void Proctitle_and_hex_encoded_names_are_decoded()
    {
        var doc = Single(
            Syscall.Replace("comm=\"x\" exe=\"/usr/bin/x\"", "comm=6D7920636D64 exe=2F746D702F6D7920636D64", StringComparison.Ordinal),
            "type=CWD msg=audit(1700000000.123:50): cwd=2F686F6D652F6120622F",
            "type=PATH msg=audit(1700000000.123:50): item=0 name=2F746D702F612062 inode=5 dev=08:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL",
            "type=PROCTITLE msg=audit(1700000000.123:50): proctitle=2F62696E2F73680061206200000063");

        Assert.Equal("my cmd", doc.Fields.GetValueOrDefault("process.name"));
        Assert.Equal("/tmp/my cmd", doc.Fields.GetValueOrDefault("process.executable"));
        Assert.Equal("/home/a b/", doc.Fields.GetValueOrDefault("process.working_directory"));
        Assert.Equal("/tmp/a b", doc.Fields.GetValueOrDefault("file.path"));
        Assert.Equal("/bin/sh a b   c", doc.Fields.GetValueOrDefault("process.title"));
    }

    [Fact]
    public void Several_rule_keys_joined_by_0x01_become_several_tags()
    {
        var doc = Single(Syscall.Replace("key=\"exec\"", "key=6578656301696D706F7274616E74", StringComparison.Ordinal), Proctitle);

        Assert.Equal(new object?[] { "exec", "important" }, (List<object?>)doc.Fields.GetValueOrDefault("tags")!);
    }

    [Fact]
    public void Negative_exit_codes_and_32_bit_syscalls_are_named()
    {
        var doc = Single(Syscall.Replace("arch=c000003e syscall=59 success=yes exit=0", "arch=40000003 syscall=5 success=no exit=-13", StringComparison.Ordinal), Proctitle);

        Assert.Equal("i386", doc.Fields.GetValueOrDefault("auditd.data.arch"));
        Assert.Equal("open", doc.Fields.GetValueOrDefault("auditd.data.syscall"));
        Assert.Equal("EACCES", doc.Fields.GetValueOrDefault("auditd.data.exit"));
        Assert.Equal("failure", doc.Fields.GetValueOrDefault("event.outcome"));
    }

    [Fact]
    public void Unset_audit_ids_are_named_unset_and_left_out_of_user()
    {
        var doc = Single(Syscall.Replace("auid=1000", "auid=4294967295", StringComparison.Ordinal).Replace("ses=3", "ses=4294967295", StringComparison.Ordinal), Proctitle);

        Assert.False(doc.Fields.ContainsPath("user.audit.id"));
        Assert.False(doc.Fields.ContainsPath("auditd.session"));
        Assert.Equal("unset", doc.Fields.GetValueOrDefault("auditd.summary.actor.primary"));
    }

    [Fact]
    public void Path_modes_give_permissions_with_special_bits_and_the_kind_of_object()
    {
        var doc = Single(
            Syscall.Replace("syscall=59", "syscall=90", StringComparison.Ordinal),
            "type=PATH msg=audit(1700000000.123:50): item=0 name=\"/srv/d\" inode=5 dev=08:01 mode=041777 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL",
            Proctitle);

        Assert.Equal("1777", doc.Fields.GetValueOrDefault("file.mode"));
        Assert.Equal("directory", doc.Fields.GetValueOrDefault("auditd.summary.object.type"));
        Assert.Equal("08:01", doc.Fields.GetValueOrDefault("file.device"));
    }

    [Fact]
    public void Capability_sets_are_shown_as_names()
    {
        var doc = Single(
            Syscall.Replace("syscall=59", "syscall=126", StringComparison.Ordinal),
            "type=CAPSET msg=audit(1700000000.123:50): pid=42 cap_pi=0 cap_pp=3000 cap_pe=1000 cap_pa=0",
            Proctitle);

        Assert.Equal(new object?[] { "CAP_NET_ADMIN" }, (List<object?>)doc.Fields.GetValueOrDefault("process.thread.capabilities.effective")!);
        Assert.Equal(new object?[] { "CAP_NET_ADMIN", "CAP_NET_RAW" }, (List<object?>)doc.Fields.GetValueOrDefault("process.thread.capabilities.permitted")!);
    }

    [Fact]
    public void A_user_space_record_without_syscall_is_a_proper_document()
    {
        var doc = Single(new NormalizerOptions(IncludeRawMessage: true, Identities: new FakeIdentities()),
            "type=ADD_USER msg=audit(1700000000.5:7): pid=9 uid=0 auid=1000 ses=2 msg='op=add-user id=1003 exe=\"/usr/sbin/useradd\" hostname=h addr=? terminal=pts/0 res=success'");

        Assert.Equal("add_user", doc.Fields.GetValueOrDefault("auditd.message_type"));
        Assert.Equal("added-user-account", doc.Fields.GetValueOrDefault("event.action"));
        Assert.Equal(new object?[] { "iam" }, (List<object?>)doc.Fields.GetValueOrDefault("event.category")!);
        Assert.Equal("charlie", doc.Fields.GetValueOrDefault("user.target.name"));
        Assert.Equal(9, doc.Fields.GetValueOrDefault("process.pid"));
        Assert.Single((List<object?>)doc.Fields.GetValueOrDefault("event.original")!);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), doc.Timestamp);
    }

    [Fact]
    public void Without_the_options_neither_raw_records_nor_warnings_are_added()
    {
        var doc = Single(new NormalizerOptions(), Syscall, "type=EXECVE msg=audit(1700000000.123:50): argc=2 a0=\"a\"", Proctitle);

        Assert.False(doc.Fields.ContainsPath("event.original"));
        Assert.False(doc.Fields.ContainsPath("error.message"));
    }

    [Fact]
    public void A_node_name_becomes_the_host_name()
    {
        var doc = Single(new NormalizerOptions(), "node=web-1 " + Syscall, "node=web-1 " + Proctitle);

        Assert.Equal("web-1", doc.Fields.GetValueOrDefault("host.name"));
    }

    private static Event Single(params string[] lines) => Single(new NormalizerOptions(Identities: new FakeIdentities()), lines);

    private static Event Single(NormalizerOptions options, params string[] lines) => Assert.Single(LogEngine.Run(lines, options));
}
