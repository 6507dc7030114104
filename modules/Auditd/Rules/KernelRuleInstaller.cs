using Microsoft.Extensions.Logging;
using Shipper.Config;
using Shipper.Modules.Auditd.Control;
using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Rules;

/// <summary>
/// Installs <c>audit_rules</c> and <c>audit_rule_files</c>: every rule is compiled first (nothing reaches the kernel
/// when one is bad), then the kernel's rules are replaced by a rule excluding the shipper's own process followed by
/// the configured ones. When the kernel refuses a rule part-way, the rules it had before are put back and the
/// refused rule is named. Rules stay installed when the shipper stops.
/// </summary>
public sealed class KernelRuleInstaller : IRuleInstaller
{
    private readonly ShipperPaths? _paths;
    private readonly int _pid;

    public KernelRuleInstaller(ShipperPaths? paths = null)
        : this(paths, Environment.ProcessId)
    {
    }

    internal KernelRuleInstaller(ShipperPaths? paths, int pid)
    {
        _paths = paths;
        _pid = pid;
    }

    /// <inheritdoc />
    public void Validate(AuditdOptions options) => Load(options);

    /// <inheritdoc />
    public void Install(AuditNetlinkClient client, AuditdOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var set = Load(options);
        foreach (var notice in set.Notices)
        {
            logger.LogInformation("{Notice}", notice);
        }

        foreach (var skipped in set.Skipped)
        {
            logger.LogWarning("Skipped an audit rule (ignore_errors is on): {Error}", skipped.Message);
        }

        var self = RuleTextParser.Parse($"-A never,exit -S all -F pid={_pid}", "the shipper's own rule")[0];
        var rules = new List<RuleLine> { self };
        rules.AddRange(set.Rules);

        var previous = client.ListRules();
        client.DeleteAllRules();
        var added = 0;
        foreach (var rule in rules)
        {
            try
            {
                client.AddRule(rule.Rule!.ToBytes());
                added++;
            }
            catch (AuditKernelException e) when (e.Errno != 0)
            {
                var refused = new RuleException($"the kernel refused the rule: {Explain(e)}", rule.Source, rule.Line, rule.Text, e);
                if (options.IgnoreErrors && rule != self)
                {
                    logger.LogWarning("Skipped an audit rule (ignore_errors is on): {Error}", refused.Message);
                    continue;
                }

                Restore(client, previous, logger);
                throw new ConfigException(refused.Message + "; the kernel's previous rules were put back", KeyOf(rule.Source), null, refused);
            }
        }

        logger.LogInformation(
            "Installed {Count} audit rules ({Configured} configured, from audit_rules and {Files} rule files, plus one excluding the shipper's own PID {Pid}); {Replaced} previous rules were replaced",
            added,
            added - 1,
            set.Files.Count,
            _pid,
            previous.Count);
    }

    private RuleSet Load(AuditdOptions options)
    {
        try
        {
            return RuleSetLoader.Load(options, _paths);
        }
        catch (RuleException e)
        {
            throw new ConfigException(e.Message, KeyOf(e.Source), null, e);
        }
    }

    private static string KeyOf(string? source) => source == RuleSetLoader.InlineSource ? "audit_rules" : "audit_rule_files";

    private static string Explain(AuditKernelException e) => e.Errno switch
    {
        Errno.EEXIST => "the kernel already holds an equivalent rule (EEXIST, 'Rule exists'); remove one of the two",
        Errno.ENOENT => "the kernel found no such file or folder (ENOENT): a watched path's folder must exist",
        Errno.EINVAL => "the kernel rejected it as invalid (EINVAL): e.g. a field this list does not take, an id that is not valid here (-1 for uid rather than auid), or a value out of range",
        _ => e.Message,
    };

    private static void Restore(AuditNetlinkClient client, IReadOnlyList<byte[]> previous, ILogger logger)
    {
        try
        {
            client.DeleteAllRules();
            foreach (var rule in previous)
            {
                client.AddRule(rule);
            }
        }
        catch (AuditKernelException e)
        {
            logger.LogError("Could not put back the kernel's previous audit rules: {Error}", e.Message);
        }
    }
}
