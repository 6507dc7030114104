using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Modules.Auditd.Control;
using Shipper.Modules.Auditd.Netlink;
using Shipper.Modules.Auditd.Tests.Kernel;

namespace Shipper.Modules.Auditd.Tests.Control;

public class AuditControlKernelTests(KernelStateFixture kernel) : KernelTest(kernel)
{
    [KernelFact]
    public void Unicast_start_applies_the_settings_and_stop_leaves_the_kernel_as_it_was_found()
    {
        Auditctl.Run("-e", "0", "-f", "1", "-b", "64", "-r", "0", "--backlog_wait_time", "15000");
        var before = Auditctl.StatusLines();
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        using var events = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        var control = new AuditControl(client, new AuditdOptions(), NullLogger.Instance);

        control.Apply(AuditSocketMode.Unicast);
        control.Register(events);
        var running = Auditctl.Status();
        control.Unregister();
        control.Restore();

        Assert.Equal(
            ("1", "0", "8192", "0", "0", Environment.ProcessId.ToString()),
            (running["enabled"], running["failure"], running["backlog_limit"], running["rate_limit"], running["backlog_wait_time"], running["pid"]));
        Assert.Equal(Stable(before), Stable(Auditctl.StatusLines()));
    }

    [KernelFact]
    public void A_configured_backlog_limit_is_kept_after_stop()
    {
        Auditctl.Run("-e", "0", "-b", "64");
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        var options = new AuditdOptions { BacklogLimit = 5000, ConfiguredKeys = new HashSet<string> { "backlog_limit" } };
        var control = new AuditControl(client, options, NullLogger.Instance);

        control.Apply(AuditSocketMode.Unicast);
        control.Restore();

        var after = Auditctl.Status();
        Assert.Equal(("0", "5000"), (after["enabled"], after["backlog_limit"]));
    }

    [KernelFact]
    public void Multicast_enables_auditing_without_registering_or_changing_other_settings()
    {
        Auditctl.Run("-e", "0", "-f", "1", "-b", "64");
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        var control = new AuditControl(client, new AuditdOptions(), NullLogger.Instance);

        control.Apply(AuditSocketMode.Multicast);
        var running = Auditctl.Status();
        control.Restore();

        Assert.Equal(("1", "1", "64", "0"), (running["enabled"], running["failure"], running["backlog_limit"], running["pid"]));
        Assert.Equal("0", Auditctl.Status()["enabled"]);
    }

    /// <summary>The lines that do not move on their own (lost and backlog do).</summary>
    private static string[] Stable(IEnumerable<string> lines) =>
        [.. lines.Where(l => !l.StartsWith("lost ") && !l.StartsWith("backlog ") && !l.StartsWith("backlog_wait_time_actual"))];
}
