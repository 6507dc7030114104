using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Commands;
using Shipper.Modules.Auditd.Commands;
using Shipper.Modules.Auditd.Tests.Kernel;

namespace Shipper.Modules.Auditd.Tests.Rules;

public sealed class ShowAuditdRulesKernelTests(KernelStateFixture kernel) : KernelTest(kernel)
{
    [KernelFact]
    public async Task Prints_exactly_what_auditctl_l_prints_for_rules_loaded_by_auditctl()
    {
        var file = Path.GetTempFileName();
        try
        {
            // Rules that differ only in how they are written would be refused as duplicates by auditctl -R.
            var distinct = ConformanceRules.All.Where(r => !r.Contains("-F exit=-13 -F key=access", StringComparison.Ordinal) && !r.Contains("arch=i686", StringComparison.Ordinal));
            File.WriteAllLines(file, ["-D", .. distinct]);
            Auditctl.Run("-R", file);

            var (exit, output, _) = await Run();

            Assert.Equal(0, exit);
            Assert.Equal(Auditctl.Run("-l"), output);
            Assert.True(output.Split('\n').Length > 60);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [KernelFact]
    public async Task Prints_No_rules_when_the_kernel_has_none()
    {
        Auditctl.Run("-D");

        var (exit, output, _) = await Run();

        Assert.Equal((0, "No rules\n"), (exit, output));
        Assert.Equal(Auditctl.Run("-l"), output);
    }

    [Fact]
    public async Task Unknown_arguments_are_a_usage_error()
    {
        var (exit, _, error) = await Run("-x");

        Assert.Equal(2, exit);
        Assert.Contains("usage: show auditd-rules [-n]", error);
    }

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CommandContext(arguments, output, error, null, NullLoggerFactory.Instance, new NoServices());
        var exit = await new ShowAuditdRulesCommand().RunAsync(context, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
