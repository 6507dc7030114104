using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Commands;
using Shipper.Modules.Auditd.Commands;
using Shipper.Modules.Auditd.Tests.Control;

namespace Shipper.Modules.Auditd.Tests.Module;

public class ShowAuditdStatusCommandTests
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task Prints_the_kernels_status()
    {
        var kernel = new FakeAuditKernel(enabled: 1, failure: 0, backlogLimit: 8192, backlogWaitTime: 0);

        var exit = await new ShowAuditdStatusCommand(kernel.Client).RunAsync(Context(), CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.StartsWith("enabled 1\nfailure 0\npid 0\nrate_limit 0\nbacklog_limit 8192\n", _out.ToString());
    }

    [Fact]
    public async Task Dash_s_prints_one_line()
    {
        var kernel = new FakeAuditKernel();

        await new ShowAuditdStatusCommand(kernel.Client).RunAsync(Context("-s"), CancellationToken.None);

        Assert.Single(_out.ToString().TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task An_unknown_argument_is_a_usage_error()
    {
        var exit = await new ShowAuditdStatusCommand(new FakeAuditKernel().Client).RunAsync(Context("--bogus"), CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("usage: show auditd-status [-s]", _error.ToString());
    }

    [Fact]
    public async Task A_kernel_refusal_is_reported_with_its_reason_and_exit_code_1()
    {
        var kernel = new FakeAuditKernel();
        var exit = await new ShowAuditdStatusCommand(() =>
        {
            var client = kernel.Client();
            kernel.Transports[^1].Respond = r => [Netlink.NetlinkWire.Ack(Netlink.NetlinkWire.SequenceOf(r), errno: 1)];
            return client;
        }).RunAsync(Context(), CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("get audit status failed: operation not permitted", _error.ToString());
    }

    [Fact]
    public void It_is_invoked_as_show_auditd_status()
    {
        Assert.Equal(["show", "auditd-status"], new ShowAuditdStatusCommand().Words);
    }

    private CommandContext Context(params string[] arguments) =>
        new(arguments, _out, _error, null, NullLoggerFactory.Instance, new EmptyServices());

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
