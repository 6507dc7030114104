using Microsoft.Extensions.Logging;
using Shipper.Modules.Auditd.Control;
using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Tests.Module;

/// <summary>Records what the module asks of the rule installer.</summary>
internal sealed class FakeRuleInstaller(Func<uint>? enabledNow = null) : IRuleInstaller
{
    public int Validations { get; private set; }

    public int Installs { get; private set; }

    public uint? EnabledAtInstall { get; private set; }

    /// <summary>What <see cref="Validate"/> reports the configuration yields.</summary>
    public int RuleCount { get; init; } = 1;

    public int OwnRuleRemovals { get; private set; }

    public int Validate(AuditdOptions options)
    {
        Validations++;
        return RuleCount;
    }

    public void RemoveOwnRules(AuditNetlinkClient client, ILogger logger) => OwnRuleRemovals++;

    public void Install(AuditNetlinkClient client, AuditdOptions options, ILogger logger)
    {
        Installs++;
        EnabledAtInstall = enabledNow?.Invoke();
    }
}
