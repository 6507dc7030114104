using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Commands;
using Shipper.Modules.Auditd.Commands;
using Shipper.Modules.Auditd.Tests.Kernel;

namespace Shipper.Modules.Auditd.Tests.Module;

public class ShowAuditdStatusKernelTests(KernelStateFixture kernel) : KernelTest(kernel)
{
    [KernelFact]
    public async Task Prints_the_lines_of_auditctl_s_in_its_order_then_the_features()
    {
        Auditctl.Run("-b", "321", "-r", "12");
        var output = new StringWriter();
        var context = new CommandContext([], output, new StringWriter(), null, NullLoggerFactory.Instance, new ServiceProviderStub());

        var exit = await new ShowAuditdStatusCommand().RunAsync(context, CancellationToken.None);
        var auditctl = Auditctl.StatusLines();

        var ours = output.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(0, exit);
        Assert.Equal(Comparable(auditctl.Where(l => !l.StartsWith("loginuid_immutable"))), Comparable(ours[..^1]));
        Assert.Equal("features 0x7f", ours[^1]);
    }

    /// <summary>Every line, except that the backlog's value moves on its own.</summary>
    private static string[] Comparable(IEnumerable<string> lines) =>
        [.. lines.Select(l => l.StartsWith("backlog ") ? "backlog *" : l)];

    private sealed class ServiceProviderStub : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
