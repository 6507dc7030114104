using Shipper.Modules.Auditd.Commands;
using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Tests.Module;

public class AuditStatusFormatterTests
{
    private static readonly AuditStatus Status = new()
    {
        Enabled = 1, Failure = 0, Pid = 0, RateLimit = 0, BacklogLimit = 8192, Lost = 14407, Backlog = 0,
        FeatureBitmap = 0x7f, BacklogWaitTime = 0, BacklogWaitTimeActual = 0,
    };

    [Fact]
    public void Prints_auditctl_names_in_auditctl_order_and_the_features_in_hex()
    {
        Assert.Equal(
            "enabled 1\nfailure 0\npid 0\nrate_limit 0\nbacklog_limit 8192\nlost 14407\nbacklog 0\nbacklog_wait_time 0\nbacklog_wait_time_actual 0\nfeatures 0x7f\n",
            AuditStatusFormatter.Format(Status));
    }

    [Fact]
    public void Fields_an_older_kernel_did_not_send_are_left_out()
    {
        var text = AuditStatusFormatter.Format(Status with { FieldCount = 9, FeatureBitmap = 0xf });

        Assert.DoesNotContain("backlog_wait_time", text);
        Assert.EndsWith("backlog 0\nfeatures 0xf\n", text);
    }

    [Fact]
    public void The_single_line_form_has_every_field_as_name_equals_value()
    {
        Assert.Equal(
            "enabled=1 failure=0 pid=0 rate_limit=0 backlog_limit=8192 lost=14407 backlog=0 backlog_wait_time=0 backlog_wait_time_actual=0 features=0x7f\n",
            AuditStatusFormatter.Format(Status, singleLine: true));
    }
}
