using Microsoft.Extensions.DependencyInjection;
using Shipper.Modules.Auditd.Control;
using Shipper.Monitoring;

namespace Shipper.Modules.Auditd;

/// <summary>
/// Creates the auditd module from a <c>- module: auditd</c> block. The message handler and the rule installer
/// come from DI (<see cref="IAuditMessageHandlerFactory"/>, <see cref="IRuleInstaller"/>) when registered.
/// </summary>
public sealed class AuditdModuleFactory : IModuleFactory
{
    public string Type => "auditd";

    public IModule Create(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = Bind(context.Config);
        var rules = context.Services.GetService<IRuleInstaller>();
        if (options.HasRules)
        {
            if (rules is null)
            {
                var key = string.IsNullOrWhiteSpace(options.AuditRules) ? "audit_rule_files" : "audit_rules";
                throw context.Config.Error(key, "rules are configured but this build has no rule installer; remove them or install the rules with auditctl and use socket_type: multicast");
            }

            try
            {
                rules.Validate(options);
            }
            catch (Config.ConfigException e) when (e.Location is null && e.KeyPath is not null)
            {
                // The installer names the rule; the block knows where the key was written.
                throw context.Config.Error(e.KeyPath, e.Reason);
            }
        }

        return new AuditdModule(
            options,
            context.Logger,
            context.Services.GetService<IMetricsRegistry>(),
            context.Services.GetService<IAuditMessageHandlerFactory>(),
            rules);
    }

    /// <summary>Binds and validates the block and records which keys it wrote.</summary>
    public static AuditdOptions Bind(Config.IConfigSection config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var options = config.Bind<AuditdOptions>();
        options.ConfiguredKeys = new HashSet<string>(config.Keys, StringComparer.Ordinal);
        _ = Reassembly.ReassemblerOptions.From(options.Reassembler);
        return options;
    }
}
