using Shipper.Modules.Auditd.Rules;

namespace Shipper.Modules.Auditd.Tests.Rules;

public class RuleFormatterTests
{
    [Theory]
    [InlineData("-a always,exit -F arch=b64 -S openat,open -k access", "-a always,exit -F arch=b64 -S open,openat -F key=access")]
    [InlineData("-a always,exit -F arch=x86_64 -S execve", "-a always,exit -F arch=b64 -S execve")]
    [InlineData("-a always,exit -F arch=i386 -S 11", "-a always,exit -F arch=b32 -S execve")]
    [InlineData("-a exit,never -F uid=root -F auid!=unset", "-a never,exit -S all -F uid=0 -F auid!=-1")]
    [InlineData("-a always,exit -F auid!=4294967295", "-a always,exit -S all -F auid!=-1")]
    [InlineData("-a always,exit -F a0=10 -F a1!=-1 -F a2&0x10 -F a3&=3", "-a always,exit -S all -F a0=0xA -F a1!=0xFFFFFFFF -F a2&0x10 -F a3&=0x3")]
    [InlineData("-a always,exit -F filetype=dir", "-a always,exit -S all -F filetype=16384")]
    [InlineData("-a always,user -F msgtype>=1400", "-a always,user -F msgtype>=AVC")]
    [InlineData("-a always,user -F msgtype=99999", "-a always,user -F msgtype=99999")]
    [InlineData("-a always,exit -F exit=-13 -F exit=13 -F exit<-1", "-a always,exit -S all -F exit=-EACCES -F exit=13 -F exit<-EPERM")]
    [InlineData("-w /etc/hosts", "-w /etc/hosts -p rwxa")]
    [InlineData("-w /etc/ -p wa -k a -k b", "-w /etc -p wa -k a -k b")]
    [InlineData("-a always,exit -F path=/etc/shadow -F perm=r -k sh", "-w /etc/shadow -p r -k sh")]
    [InlineData("-a always,exit -F path=/x -F perm=r -F uid=0", "-a always,exit -S all -F path=/x -F perm=r -F uid=0")]
    [InlineData("-a always,exit -F arch=b64 -F path=/x -F perm=r", "-a always,exit -F arch=b64 -S all -F path=/x -F perm=r")]
    [InlineData("-a always,exit -F exe!=/bin/ls", "-a always,exit -S all -F exe=/bin/ls")]
    [InlineData("-a always,exit -S execve -C uid!=euid -C euid=auid", "-a always,exit -S execve -C uid!=euid -C auid=euid")]
    [InlineData("-a always,task -F uid=0", "-a always,task -F uid=0")]
    [InlineData("-a always,filesystem -F fstype=debugfs -k fs", "-a always,filesystem -F fstype=debugfs -F key=fs")]
    [InlineData("-a always,exit -F inode=4294967295 -F sessionid=unset", "-a always,exit -S all -F inode=4294967295 -F sessionid=-1")]
    [InlineData("-a always,exit -F loginuid_set=1", "-a always,exit -S all f24=1")]
    public void Rules_print_in_auditctls_canonical_form(string written, string printed)
    {
        var rule = Assert.Single(RuleTextParser.Parse(written, "test")).Rule!;
        Assert.Equal(printed + "\n", RuleFormatter.Format([rule.ToBytes()]));
    }

    [Fact]
    public void An_empty_kernel_prints_No_rules()
    {
        Assert.Equal("No rules\n", RuleFormatter.Format([]));
    }

    [Fact]
    public void Like_auditctl_a_rule_without_arch_names_its_syscalls_in_the_arch_of_the_last_rule_printed_with_one()
    {
        var rules = RuleTextParser.Parse("-a always,exit -S read\n-a always,exit -F arch=b32 -S all\n-a always,exit -S read", "test");
        var listing = RuleFormatter.Format(rules.Select(r => r.Rule!.ToBytes()));
        Assert.Equal("-a always,exit -S read\n-a always,exit -F arch=b32 -S all\n-a always,exit -S restart_syscall\n", listing);
    }

    [Fact]
    public void A_truncated_rule_is_refused_rather_than_misread()
    {
        Assert.Throws<FormatException>(() => RuleFormatter.Format([new byte[100]]));
    }
}
