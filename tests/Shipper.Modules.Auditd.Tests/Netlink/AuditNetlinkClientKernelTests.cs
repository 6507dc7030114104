using Shipper.Modules.Auditd.Netlink;
using Shipper.Modules.Auditd.Tests.Kernel;

namespace Shipper.Modules.Auditd.Tests.Netlink;

public class AuditNetlinkClientKernelTests(KernelStateFixture kernel) : KernelTest(kernel)
{
    private const string Rule = "-a always,exit -F arch=b64 -S getppid -F key=shipper-netlink-test";

    [KernelFact]
    public void GetStatus_reads_what_auditctl_shows()
    {
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);

        var status = client.GetStatus();
        var auditctl = Auditctl.Status();

        Assert.Equal(auditctl["enabled"], status.Enabled.ToString());
        Assert.Equal(auditctl["failure"], status.Failure.ToString());
        Assert.Equal(auditctl["pid"], status.Pid.ToString());
        Assert.Equal(auditctl["rate_limit"], status.RateLimit.ToString());
        Assert.Equal(auditctl["backlog_limit"], status.BacklogLimit.ToString());
        Assert.Equal(auditctl["backlog_wait_time"], status.BacklogWaitTime.ToString());
        Assert.True(status.HasBacklogWaitTimeActual);
    }

    [KernelFact]
    public void SetStatus_changes_the_fields_set_and_leaves_the_others()
    {
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        var before = Auditctl.Status();

        client.SetStatus(new AuditStatusUpdate { BacklogLimit = 1234, RateLimit = 77, BacklogWaitTime = 0 });

        var after = Auditctl.Status();
        Assert.Equal(("1234", "77", "0"), (after["backlog_limit"], after["rate_limit"], after["backlog_wait_time"]));
        Assert.Equal((before["enabled"], before["failure"], before["pid"]), (after["enabled"], after["failure"], after["pid"]));
    }

    [KernelFact]
    public void A_rule_added_by_auditctl_is_listed_and_deleted_by_the_client()
    {
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        var before = client.ListRules().Count;
        Auditctl.Run(Rule.Split(' '));

        var rules = client.ListRules();
        Assert.Equal(before + 1, rules.Count);
        var added = rules.Single(r => System.Text.Encoding.ASCII.GetString(r).Contains("shipper-netlink-test"));

        client.DeleteRule(added);

        Assert.DoesNotContain(Auditctl.Rules(), l => l.Contains("shipper-netlink-test"));
        Assert.Equal(Kernel.SavedRuleText, Auditctl.Rules());
    }

    [KernelFact]
    public void Rule_bytes_read_back_add_the_same_rule_and_a_second_add_says_it_exists()
    {
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        Auditctl.Run(Rule.Split(' '));
        var bytes = client.ListRules().Single(r => System.Text.Encoding.ASCII.GetString(r).Contains("shipper-netlink-test"));
        client.DeleteRule(bytes);

        client.AddRule(bytes);
        var error = Assert.Throws<AuditKernelException>(() => client.AddRule(bytes));

        Assert.Contains(Rule, Auditctl.Rules());
        Assert.Equal("add rule failed: rule exists (EEXIST)", error.Message);
    }

    [KernelFact]
    public void DeleteAllRules_leaves_no_rule()
    {
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        Auditctl.Run(Rule.Split(' '));
        Auditctl.Run("-w", "/tmp/shipper-netlink-test-watch", "-p", "wa", "-k", "shipper-netlink-test");

        client.DeleteAllRules();

        Assert.Empty(Auditctl.Rules());
        Assert.Empty(client.ListRules());
    }

    [KernelFact]
    public void Deleting_a_rule_that_is_not_there_says_so()
    {
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        Auditctl.Run(Rule.Split(' '));
        var bytes = client.ListRules().Single(r => System.Text.Encoding.ASCII.GetString(r).Contains("shipper-netlink-test"));
        client.DeleteRule(bytes);

        var error = Assert.Throws<AuditKernelException>(() => client.DeleteRule(bytes));

        Assert.Equal(Errno.ENOENT, error.Errno);
    }

    [KernelFact]
    public void The_process_can_register_and_unregister_itself_as_the_audit_daemon()
    {
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);

        client.SetStatus(new AuditStatusUpdate { Pid = (uint)Environment.ProcessId });
        var registered = Auditctl.Status()["pid"];
        client.SetStatus(new AuditStatusUpdate { Pid = 0 });

        Assert.Equal(Environment.ProcessId.ToString(), registered);
        Assert.Equal("0", Auditctl.Status()["pid"]);
    }

    [KernelFact]
    public void Registering_while_auditd_runs_names_auditd_and_its_pid()
    {
        var auditd = Kernel.StartAuditd();
        WaitUntil(() => Auditctl.Status()["pid"] == auditd.Id.ToString(), TimeSpan.FromSeconds(10));
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);

        var error = Assert.Throws<AuditKernelException>(() => client.SetStatus(new AuditStatusUpdate { Pid = (uint)Environment.ProcessId }));

        Assert.Equal(Errno.EEXIST, error.Errno);
        Assert.Contains($"another process (PID {auditd.Id}, auditd) is registered as the audit daemon; stop it or use socket_type: multicast", error.Message);
    }

    private static void WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the kernel");
            Thread.Sleep(50);
        }
    }
}
