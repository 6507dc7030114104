using Microsoft.Extensions.DependencyInjection;
using Shipper.Commands;

namespace Shipper.Modules.Auditd.Tests.Module;

public class AuditdPluginTests
{
    [Fact]
    public void It_registers_the_auditd_module_and_the_status_command()
    {
        var services = new ServiceCollection();

        new AuditdPlugin().ConfigureServices(services);
        using var provider = services.BuildServiceProvider();

        Assert.Equal("auditd", Assert.Single(provider.GetServices<IModuleFactory>()).Type);
        Assert.Contains(provider.GetServices<ICommandContribution>(), c => c.Words.SequenceEqual(["show", "auditd-status"]));
    }
}
