using System.Text;
using Shipper.Modules.Auditd.Rules;
using Shipper.Modules.Auditd.Tables;

namespace Shipper.Modules.Auditd.Tests.Rules;

public class RuleCompilerTests
{
    private const uint Equal = 0x40000000;

    [Theory]
    [InlineData("-a always,exit", 4u, 2u)]
    [InlineData("-a exit,always", 4u, 2u)]
    [InlineData("-a never,exit", 4u, 0u)]
    [InlineData("-a always,user", 0u, 2u)]
    [InlineData("-a task,never", 1u, 0u)]
    [InlineData("-a always,exclude -F msgtype=EOE", 5u, 2u)]
    [InlineData("-a always,filesystem -F fstype=debugfs", 6u, 2u)]
    [InlineData("-A always,exit", 0x14u, 2u)]
    public void Every_list_and_action_in_either_order_sets_flags_and_action(string text, uint flags, uint action)
    {
        var rule = Compile(text);
        Assert.Equal((flags, action), (rule.Flags, rule.Action));
    }

    [Fact]
    public void Rules_without_S_cover_all_syscalls_except_on_the_task_list()
    {
        Assert.All(Compile("-a always,exit -F uid=0").Mask, w => Assert.Equal(uint.MaxValue, w));
        Assert.All(Compile("-a always,user -F uid=0").Mask, w => Assert.Equal(uint.MaxValue, w));
        Assert.All(Compile("-a always,task -F uid=0").Mask, w => Assert.Equal(0u, w));
    }

    [Fact]
    public void Syscalls_are_read_as_names_numbers_comma_lists_and_repeated_options()
    {
        var rule = Compile("-a always,exit -F arch=b64 -S open,1 -S read -S 0x3 -S openat");
        Assert.Equal((1u << 0) | (1u << 1) | (1u << 2) | (1u << 3), rule.Mask[0]);
        Assert.Equal(1u << (257 - 256), rule.Mask[257 / 32] >> (256 % 32));
    }

    [Fact]
    public void Syscall_names_are_looked_up_in_the_rules_arch()
    {
        Assert.Equal(1u << 11, Compile("-a always,exit -F arch=b32 -S execve").Mask[0]);
        Assert.Equal(1u << 59 - 32, Compile("-a always,exit -F arch=b64 -S execve").Mask[1]);
        Assert.Equal(1u << 221 - 192, Compile("-a always,exit -F arch=aarch64 -S execve").Mask[6]);
        Assert.Equal(1u << 59 - 32, Compile("-a always,exit -S execve").Mask[1]);
    }

    [Theory]
    [InlineData("-a always,exit -S open -F arch=b64", "arch must be before -S")]
    [InlineData("-a always,exit -S nosuchcall", "Syscall name unknown: nosuchcall")]
    [InlineData("-a always,exit -F arch=b32 -S openat2x", "Syscall name unknown")]
    [InlineData("-a always,exit -S 5000", "Syscall name unknown: 5000")]
    [InlineData("-a always,task -S open", "task list")]
    [InlineData("-a always,user -S open", "user list")]
    [InlineData("-a always,exclude -S open", "exclude list")]
    [InlineData("-a always,filesystem -S open", "filesystem list")]
    [InlineData("-S open", "no list specified")]
    public void Syscalls_are_refused_where_auditctl_refuses_them(string text, string reason)
    {
        Assert.Contains(reason, Error(text).Message);
    }

    [Theory]
    [InlineData("uid=0", 0x40000000u)]
    [InlineData("uid!=0", 0x30000000u)]
    [InlineData("uid<0", 0x10000000u)]
    [InlineData("uid>0", 0x20000000u)]
    [InlineData("uid<=0", 0x50000000u)]
    [InlineData("uid>=0", 0x60000000u)]
    [InlineData("uid&0", 0x08000000u)]
    [InlineData("uid&=0", 0x48000000u)]
    public void Every_operator_becomes_its_kernel_bits(string pair, uint op)
    {
        var field = Assert.Single(Compile("-a always,exit -F " + pair).Fields);
        Assert.Equal((1, 0u, op), (field.Field, field.Value, field.Operator));
    }

    [Theory]
    [InlineData("auid=unset", 4294967295u)]
    [InlineData("auid!=-1", 4294967295u)]
    [InlineData("auid>=4294967295", 4294967295u)]
    [InlineData("uid=root", 0u)]
    [InlineData("euid=0x10", 16u)]
    [InlineData("gid=root", 0u)]
    [InlineData("a0=-1", 4294967295u)]
    [InlineData("a1=010", 8u)]
    [InlineData("exit=-EACCES", 4294967283u)]
    [InlineData("exit=EACCES", 13u)]
    [InlineData("exit=-13", 4294967283u)]
    [InlineData("exit=-ewouldblock", 4294967285u)]
    [InlineData("sessionid=unset", 4294967295u)]
    [InlineData("filetype=dir", 0x4000u)]
    [InlineData("perm=wa", 10u)]
    [InlineData("arch=b64", 0xC000003Eu)]
    [InlineData("arch=b32", 0x40000003u)]
    [InlineData("arch=i686", 0x40000003u)]
    [InlineData("arch=0xC00000B7", 0xC00000B7u)]
    [InlineData("saddr_fam=10", 10u)]
    [InlineData("loginuid_set=1", 1u)]
    public void Values_convert_as_auditctl_converts_them(string pair, uint value)
    {
        var field = Compile("-a always,exit -F " + pair).Fields[0];
        Assert.Equal(value, field.Value);
    }

    [Fact]
    public void Message_types_are_taken_by_name_or_number_on_the_user_and_exclude_lists()
    {
        Assert.Equal(1300u, Compile("-a always,exclude -F msgtype=SYSCALL").Fields[0].Value);
        Assert.Equal(1400u, Compile("-a always,user -F msgtype>=avc").Fields[0].Value);
        Assert.Equal(99999u, Compile("-a always,user -F msgtype=99999").Fields[0].Value);
    }

    [Theory]
    [InlineData("-a always,exit -F msgtype=1300", "msgtype field can only be used with exclude or user filter list")]
    [InlineData("-a always,user -F path=/etc", "path can only be used with exit filter list")]
    [InlineData("-a always,task -F exit=1", "exit can only be used with exit filter list")]
    [InlineData("-a always,user -F perm=r", "perm can only be used with exit filter list")]
    [InlineData("-a always,task -F filetype=dir", "filetype can only be used with exit filter list")]
    [InlineData("-a always,user -F devmajor=1", "devmajor can only be used with exit filter list")]
    [InlineData("-a always,user -F ppid=1", "ppid field is not valid for the filter")]
    [InlineData("-a always,exclude -F euid=1", "exclude filter")]
    [InlineData("-a always,exclude -F ppid=1", "exclude filter")]
    [InlineData("-a always,task -F sessionid=1", "sessionid must be used with exclude, user, or exit filter")]
    [InlineData("-a always,exit -F fstype=debugfs", "fstype can only be used with filesystem filter list")]
    [InlineData("-a always,filesystem -F uid=0", "only fstype and key can be used with the filesystem filter")]
    [InlineData("-a always,user -C uid=euid", "uid can only be used with exit filter list")]
    public void Fields_are_refused_on_lists_that_do_not_take_them(string text, string reason)
    {
        Assert.Contains(reason, Error(text).Message);
    }

    [Theory]
    [InlineData("-a always,exit -F ses=1", "-F unknown field: ses")]
    [InlineData("-a always,exit -F uid", "-F missing operation for uid")]
    [InlineData("-a always,exit -F =1", "missing field name")]
    [InlineData("-a always,exit -F uid=", "-F missing value after operation for uid")]
    [InlineData("-a always,exit -F inode<5", "inode only takes = or != operators")]
    [InlineData("-a always,exit -F arch>b64", "arch only takes = or != operators")]
    [InlineData("-a always,exit -F perm!=r", "perm only takes = operator")]
    [InlineData("-a always,exit -F exe<x", "exe only takes = or != operators")]
    [InlineData("-a always,exit -F perm=rwxab", "too long")]
    [InlineData("-a always,exit -F perm=q", "Permission q isn't supported")]
    [InlineData("-a always,exit -F exit=-ENOTREAL", "unknown errno")]
    [InlineData("-a always,exit -F uid=nosuchuser-shipper", "Unknown user: nosuchuser-shipper")]
    [InlineData("-a always,exit -F gid=nosuchgroup-shipper", "Unknown group: nosuchgroup-shipper")]
    [InlineData("-a always,exit -F gid=-1", "Unknown group: -1")]
    [InlineData("-a always,exit -F uid=-1", "only auid can be unset")]
    [InlineData("-a always,exit -F pid=abc", "-F value should be number for pid")]
    [InlineData("-a always,exit -F pid=1x", "fits 32 bits")]
    [InlineData("-a always,exit -F uid=99999999999", "fits 32 bits")]
    [InlineData("-a always,exit -F a0=x", "-F value should be number for a0")]
    [InlineData("-a always,exit -F filetype=bogus", "unknown file type")]
    [InlineData("-a always,exit -F arch=bogus", "arch elf mapping not found")]
    [InlineData("-a always,exit -F arch=0x1234", "arch elf mapping not found")]
    [InlineData("-a always,exit -F saddr_fam=99", "value is too large for field: saddr_fam")]
    [InlineData("-a always,exit -F path=relative -F perm=r", "must be an absolute path")]
    [InlineData("-a always,exit -F path=/a -F dir=/b", "one path or dir")]
    [InlineData("-a always,user -F msgtype=NOTATYPE", "unknown message type")]
    [InlineData("-a always,exit -F loginuid_set=2", "loginuid_set takes")]
    public void Bad_fields_are_refused_with_auditctls_reason(string text, string reason)
    {
        Assert.Contains(reason, Error(text).Message);
    }

    [Theory]
    [InlineData("-a bogus,exit", "bad keyword bogus,exit")]
    [InlineData("-a always", "bad keyword always")]
    [InlineData("-a always,exit,never", "bad keyword")]
    [InlineData("-a possible,exit", "bad keyword")]
    [InlineData("-a always,entry", "bad keyword")]
    [InlineData("-a always,exit -S open -a always,exit", "Multiple rule insert/delete operations are not allowed")]
    [InlineData("-F uid=0", "List must be given before field")]
    [InlineData("-a always,exit uid=0", "parameter passed without an option given")]
    [InlineData("-a always,exit -F", "needs a value")]
    [InlineData("-a always,exit -x", "Option -x is invalid")]
    [InlineData("-l", "is not a rule")]
    [InlineData("-k key -a always,exit", "key option needs a watch or syscall given prior to it")]
    [InlineData("-a always,task -F uid=0 -F key=t", "Key field needs a watch, syscall or exe path")]
    public void Bad_options_are_refused(string text, string reason)
    {
        Assert.Contains(reason, Error(text).Message);
    }

    [Fact]
    public void Keys_from_k_and_F_key_are_joined_in_order_and_added_last()
    {
        var rule = Compile("-a always,exit -S open -F key=a -k b -F uid=0");
        var key = rule.Fields[^1];
        Assert.Equal((210, "a\u0001b"), (key.Field, Encoding.UTF8.GetString(key.Text!)));
        Assert.Equal(1, rule.Fields[0].Field);
    }

    [Fact]
    public void Keys_longer_than_the_kernel_takes_are_refused()
    {
        Assert.Contains("key option exceeds size limit", Error("-a always,exit -S open -k " + new string('k', 257)).Message);
        Assert.Contains("exceeds", Error("-a always,exit -S open -k " + new string('k', 200) + " -k " + new string('k', 60)).Message);
        Compile("-a always,exit -S open -k " + new string('k', 256));
    }

    [Fact]
    public void Comparisons_store_the_kernels_compare_id_whichever_side_each_field_is_on()
    {
        var rule = Compile("-a always,exit -C uid!=euid -C euid=auid -C loginuid=obj_uid -C fsgid=egid");
        CompareTable.TryGetId("uid", "euid", out var uidEuid);
        CompareTable.TryGetId("auid", "euid", out var auidEuid);
        CompareTable.TryGetId("auid", "obj_uid", out var auidObj);
        CompareTable.TryGetId("egid", "fsgid", out var egidFsgid);
        Assert.Equal([(uint)uidEuid, (uint)auidEuid, (uint)auidObj, (uint)egidFsgid], rule.Fields.Select(f => f.Value));
        Assert.All(rule.Fields, f => Assert.Equal(111, f.Field));
        Assert.Equal(0x30000000u, rule.Fields[0].Operator);
    }

    [Theory]
    [InlineData("-a always,exit -C uid=gid", "incompatible comparison")]
    [InlineData("-a always,exit -C uid<euid", "only takes = or != operators")]
    [InlineData("-a always,exit -C uid=nosuch", "-C unknown field: nosuch")]
    public void Bad_comparisons_are_refused(string text, string reason)
    {
        Assert.Contains(reason, Error(text).Message);
    }

    [Fact]
    public void Watches_become_exit_rules_on_all_syscalls_with_path_or_dir_and_permissions()
    {
        var file = Compile("-w /etc/hosts");
        Assert.Equal((4u, 2u), (file.Flags, file.Action));
        Assert.Equal([(105, "/etc/hosts"), (106, "")], file.Fields.Select(f => (f.Field, f.Text is null ? string.Empty : Encoding.UTF8.GetString(f.Text))));
        Assert.Equal(15u, file.Fields[1].Value);

        var dir = Compile("-w /etc/// -p wa -k id");
        Assert.Equal(107, dir.Fields[0].Field);
        Assert.Equal("/etc", Encoding.UTF8.GetString(dir.Fields[0].Text!));
        Assert.Equal(10u, dir.Fields[1].Value);
        Assert.Equal(210, dir.Fields[2].Field);

        Assert.Equal(105, Compile("-w /nonexistent/shipper/file").Fields[0].Field);
    }

    [Theory]
    [InlineData("-w relative", "The path must start with '/'")]
    [InlineData("-w /etc/hosts -p rwxaq", "too long")]
    [InlineData("-a always,exit -w /etc/hosts", "watch option can't be given with a syscall")]
    [InlineData("-p wa", "permission option needs a watch given prior to it")]
    public void Bad_watches_are_refused(string text, string reason)
    {
        Assert.Contains(reason, Error(text).Message);
    }

    [Fact]
    public void Compiled_bytes_have_auditctls_layout()
    {
        var bytes = Compile("-a always,exit -F arch=b64 -S open -F path=/etc -F perm=r -k k").ToBytes();
        Assert.Equal(1040 + 5, bytes.Length);
        Assert.Equal(4u, BitConverter.ToUInt32(bytes, 0));
        Assert.Equal(4u, BitConverter.ToUInt32(bytes, 8));
        Assert.Equal(5u, BitConverter.ToUInt32(bytes, 1036));
        Assert.Equal("/etck", Encoding.ASCII.GetString(bytes, 1040, 5));
    }

    [Fact]
    public void Errors_name_the_source_the_line_and_the_offending_field()
    {
        var error = Assert.Throws<RuleException>(() => RuleTextParser.Parse("# identity\n-w /etc/group -p wa\n\n-a always,exit -F ses=1 -k x\n", "/etc/audit/rules.d/a.rules"));
        Assert.Equal(("/etc/audit/rules.d/a.rules", 4), (error.Source, error.Line));
        Assert.StartsWith("/etc/audit/rules.d/a.rules line 4: -F unknown field: ses", error.Message);
        Assert.Contains("-a always,exit -F ses=1 -k x", error.Message);
    }

    [Fact]
    public void Blank_lines_comments_tabs_and_carriage_returns_are_skipped()
    {
        var lines = RuleTextParser.Parse("\r\n  # comment\n\t-a\talways,exit  -S  open\r\n", "audit_rules");
        var line = Assert.Single(lines);
        Assert.Equal((3, RuleLineKind.Add), (line.Line, line.Kind));
    }

    [Fact]
    public void Delete_delete_all_and_control_lines_are_told_apart()
    {
        var lines = RuleTextParser.Parse("-d always,exit -S open\n-W /etc/hosts\n-D\n-b 8192\n--backlog_wait_time 60000\n-e 2", "f");
        Assert.Equal(
            [RuleLineKind.Delete, RuleLineKind.Delete, RuleLineKind.DeleteAll, RuleLineKind.Control, RuleLineKind.Control, RuleLineKind.Control],
            lines.Select(l => l.Kind));
        Assert.Equal(("-b", "8192"), lines[3].Control);
        Assert.Equal(("--backlog_wait_time", "60000"), lines[4].Control);
    }

    private static AuditRuleData Compile(string text) => Assert.Single(RuleTextParser.Parse(text, "test")).Rule!;

    private static RuleException Error(string text) => Assert.Throws<RuleException>(() => RuleTextParser.Parse(text, "test"));
}
