using Shipper.Config;
using Shipper.Modules.Auditd.Netlink;
using Shipper.Modules.Auditd.Rules;
using Shipper.Modules.Auditd.Tests.Kernel;
using Shipper.Modules.Auditd.Tests.Netlink;

namespace Shipper.Modules.Auditd.Tests.Rules;

public sealed class KernelRuleInstallerKernelTests(KernelStateFixture kernel) : KernelTest(kernel)
{
    private const int Pid = 4242;

    [KernelFact]
    public void Configured_rules_replace_the_kernels_after_a_rule_excluding_the_shippers_own_pid()
    {
        Auditctl.Run("-D");
        Auditctl.Run("-w", "/etc/group", "-p", "wa", "-k", "old");
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        var logger = new CollectingLogger();

        new KernelRuleInstaller(null, Pid).Install(client, Options("-w /etc/passwd -p wa -k identity\n-a always,exit -F arch=b64 -S execve -k exec\n-A always,exit -F arch=b64 -S ptrace"), logger);

        Assert.Equal(
            [
                "-a always,exit -F arch=b64 -S ptrace",
                $"-a never,exit -S all -F pid={Pid}",
                "-w /etc/passwd -p wa -k identity",
                "-a always,exit -F arch=b64 -S execve -F key=exec",
            ],
            Auditctl.Rules());
        Assert.Contains(logger.Entries, e => e.Message.Contains("Installed 4 audit rules", StringComparison.Ordinal));
    }

    [KernelFact]
    public void A_bad_rule_file_installs_nothing_and_leaves_the_kernels_rules_as_they_were()
    {
        Auditctl.Run("-D");
        Auditctl.Run("-w", "/etc/group", "-p", "wa", "-k", "old");
        Auditctl.Run("-a", "always,exit", "-F", "arch=b64", "-S", "open", "-F", "key=old2");
        var before = Auditctl.Run("-l");
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "-w /etc/hosts -p wa\n-a always,exit -F arch=b64 -S nosuchcall\n");
            var options = Options("-w /etc/passwd -p wa", file);
            using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
            var installer = new KernelRuleInstaller(null, Pid);

            var validation = Assert.Throws<ConfigException>(() => installer.Validate(options));
            var install = Assert.Throws<ConfigException>(() => installer.Install(client, options, new CollectingLogger()));

            Assert.Contains($"{file} line 2: Syscall name unknown: nosuchcall", validation.Message);
            Assert.Equal(validation.Message, install.Message);
            Assert.Equal(before, Auditctl.Run("-l"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [KernelFact]
    public void When_the_kernel_refuses_a_rule_part_way_the_previous_rules_are_put_back_and_the_rule_is_named()
    {
        Auditctl.Run("-D");
        Auditctl.Run("-w", "/etc/group", "-p", "wa", "-k", "old");
        Auditctl.Run("-A", "always,exit", "-F", "arch=b64", "-S", "open");
        var before = Auditctl.Run("-l");
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        var previousBytes = client.ListRules();

        var error = Assert.Throws<ConfigException>(() => new KernelRuleInstaller(null, Pid).Install(
            client,
            Options("-w /etc/hosts -p wa\n-a always,exit -F arch=b64 -S all -F exit&4\n-w /etc/passwd"),
            new CollectingLogger()));

        Assert.Contains("audit_rules line 2: the kernel refused the rule", error.Message);
        Assert.Contains("EINVAL", error.Message);
        Assert.Contains("-F exit&4", error.Message);
        Assert.Equal("audit_rules", error.KeyPath);
        Assert.Equal(before, Auditctl.Run("-l"));
        Assert.Equal(previousBytes.Select(Convert.ToHexString), client.ListRules().Select(Convert.ToHexString));
    }

    [KernelFact]
    public void With_ignore_errors_a_rule_the_kernel_refuses_is_skipped_and_logged()
    {
        Auditctl.Run("-D");
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        var logger = new CollectingLogger();
        var options = Options("-w /etc/hosts -p wa\n-a always,exit -F arch=b64 -S all -F exit&4\n-a always,exit -F nosuch=1\n-w /etc/passwd -p wa");
        options.IgnoreErrors = true;

        new KernelRuleInstaller(null, Pid).Install(client, options, logger);

        Assert.Equal([$"-a never,exit -S all -F pid={Pid}", "-w /etc/hosts -p wa", "-w /etc/passwd -p wa"], Auditctl.Rules());
        Assert.Equal(2, logger.Entries.Count(e => e.Message.Contains("Skipped an audit rule", StringComparison.Ordinal)));
    }

    private static AuditdOptions Options(string rules, params string[] files) => new() { AuditRules = rules, AuditRuleFiles = [.. files] };
}
