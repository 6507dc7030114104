using Microsoft.Extensions.Logging;
using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Control;

/// <summary>
/// The seam through which the module installs <c>audit_rules</c> and <c>audit_rule_files</c>. Registered in DI by
/// the rules component; when none is registered, a configuration with rules is refused rather than silently ignored.
/// </summary>
public interface IRuleInstaller
{
    /// <summary>
    /// Reads and parses every configured rule without touching the kernel (the factory calls this, so
    /// <c>shipper test config</c> reports bad rules). Throws <see cref="Config.ConfigException"/> naming the rule.
    /// Returns how many rules the configuration yields: rule files whose globs match nothing add none, and with none
    /// at all the module behaves as if no rules were configured (the kernel's rules are left alone), as Auditbeat does.
    /// </summary>
    int Validate(AuditdOptions options);

    /// <summary>
    /// Replaces the kernel's rules with the configured ones through <paramref name="client"/>. Called on start, after
    /// the kernel's status was read and before settings are applied, only when rules are configured and the
    /// configuration is not locked.
    /// </summary>
    void Install(AuditNetlinkClient client, AuditdOptions options, ILogger logger);

    /// <summary>
    /// Removes what <see cref="Install"/> added for the shipper's own sake (the rule excluding its PID), which means
    /// nothing once the process is gone. Called on stop, unless the configuration is locked; never throws.
    /// </summary>
    void RemoveOwnRules(AuditNetlinkClient client, ILogger logger);
}
