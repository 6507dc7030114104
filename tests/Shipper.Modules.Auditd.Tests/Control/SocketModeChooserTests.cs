using Shipper.Modules.Auditd.Control;
using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Tests.Control;

public class SocketModeChooserTests
{
    private static readonly Version Modern = new(6, 18, 44);
    private static readonly Version Old = new(3, 15);

    [Fact]
    public void Auto_listens_with_multicast_on_a_modern_kernel_without_rules()
    {
        Assert.Equal(AuditSocketMode.Multicast, SocketModeChooser.Choose(new AuditdOptions(), Modern, 0, out _));
    }

    [Fact]
    public void Auto_uses_unicast_when_rules_are_configured()
    {
        var options = new AuditdOptions { AuditRules = "-w /etc/passwd -p wa -k identity" };

        Assert.Equal(AuditSocketMode.Unicast, SocketModeChooser.Choose(options, Modern, 0, out var reason));
        Assert.Contains("rules", reason);
    }

    [Fact]
    public void Auto_uses_unicast_before_kernel_3_16()
    {
        Assert.Equal(AuditSocketMode.Unicast, SocketModeChooser.Choose(new AuditdOptions(), Old, 0, out _));
    }

    [Fact]
    public void Multicast_asked_for_on_an_old_kernel_falls_back_to_unicast_and_says_why()
    {
        var mode = SocketModeChooser.Choose(new AuditdOptions { SocketType = SocketType.Multicast }, Old, 0, out var reason);

        Assert.Equal(AuditSocketMode.Unicast, mode);
        Assert.Contains("3.16", reason);
    }

    [Fact]
    public void Unicast_asked_for_is_used_even_without_rules()
    {
        Assert.Equal(AuditSocketMode.Unicast, SocketModeChooser.Choose(new AuditdOptions { SocketType = SocketType.Unicast }, Modern, 0, out _));
    }

    [Fact]
    public void Auto_listens_with_multicast_when_the_configuration_is_locked_even_with_rules()
    {
        var options = new AuditdOptions { AuditRuleFiles = ["/etc/audit/rules.d/*.rules"] };

        Assert.Equal(AuditSocketMode.Multicast, SocketModeChooser.Choose(options, Modern, 2, out var reason));
        Assert.Contains("locked", reason);
    }

    [Fact]
    public void A_locked_configuration_on_a_kernel_without_multicast_is_an_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SocketModeChooser.Choose(new AuditdOptions(), Old, 2, out _));

        Assert.Contains("locked", error.Message);
    }
}
