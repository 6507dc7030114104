using Shipper.Modules.Auditd.Netlink;
using Shipper.Modules.Auditd.Rules;
using Shipper.Modules.Auditd.Tests.Kernel;

namespace Shipper.Modules.Auditd.Tests.Rules;

/// <summary>Every conformance rule, loaded once by auditctl and once by the project, reads back the same from the kernel.</summary>
public class RuleConformanceKernelTests(KernelStateFixture kernel) : KernelTest(kernel)
{
    public static TheoryData<string> Rules() => [.. ConformanceRules.All];

    [KernelTheory]
    [MemberData(nameof(Rules))]
    public void A_rule_loaded_by_the_project_reads_back_as_the_same_bytes_and_text_as_when_auditctl_loads_it(string rule)
    {
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        client.DeleteAllRules();
        Auditctl.Run(["-D"]);
        Auditctl.Run(rule.Split(' '));
        var theirs = client.ListRules();
        var theirText = Auditctl.Run("-l");

        client.DeleteAllRules();
        var line = Assert.Single(RuleTextParser.Parse(rule, "test"));
        client.AddRule(line.Rule!.ToBytes());
        var ours = client.ListRules();
        var ourTextByAuditctl = Auditctl.Run("-l");
        client.DeleteAllRules();

        Assert.Equal(Hex(theirs), Hex(ours));
        Assert.Equal(theirText, ourTextByAuditctl);
        Assert.Equal(theirText, RuleFormatter.Format(ours));
    }

    [KernelFact]
    public void The_listing_of_all_conformance_rules_at_once_matches_auditctl_l()
    {
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        client.DeleteAllRules();
        foreach (var line in ConformanceRules.All.SelectMany(r => RuleTextParser.Parse(r, "test")))
        {
            try
            {
                client.AddRule(line.Rule!.ToBytes());
            }
            catch (AuditKernelException e) when (e.Errno == Errno.EEXIST)
            {
                // Some conformance rules differ only in how they are written.
            }
        }

        var listing = RuleFormatter.Format(client.ListRules());
        var auditctl = Auditctl.Run("-l");
        client.DeleteAllRules();
        Assert.Equal(auditctl, listing);
    }

    private static string[] Hex(IReadOnlyList<byte[]> rules) => [.. rules.Select(Convert.ToHexString)];
}
