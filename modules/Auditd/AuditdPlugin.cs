using Microsoft.Extensions.DependencyInjection;
using Shipper.Commands;
using Shipper.Modules.Auditd.Commands;
using Shipper.Modules.Auditd.Control;
using Shipper.Modules.Auditd.Rules;
using Shipper.Plugins;

namespace Shipper.Modules.Auditd;

/// <summary>Registers the auditd module and its commands with the host.</summary>
public sealed class AuditdPlugin : IShipperPlugin
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IModuleFactory, AuditdModuleFactory>();
        services.AddSingleton<IAuditMessageHandlerFactory, Processing.AuditEventPumpFactory>();
        services.AddSingleton<ICommandContribution, ShowAuditdStatusCommand>();
        services.AddSingleton<ICommandContribution, ShowAuditdRulesCommand>();
        services.AddSingleton<ICommandContribution, Replay.ReplayCommand>();
        services.AddSingleton<IRuleInstaller, KernelRuleInstaller>();
    }
}
