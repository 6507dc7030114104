using Shipper.Commands;
using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Commands;

/// <summary><c>shipper show auditd-status [-s]</c>: the kernel's audit status, like <c>auditctl -s</c>.</summary>
public sealed class ShowAuditdStatusCommand : ICommandContribution
{
    private readonly Func<AuditNetlinkClient> _open;

    public ShowAuditdStatusCommand()
        : this(() => AuditNetlinkClient.Open(AuditSocketMode.Unicast))
    {
    }

    internal ShowAuditdStatusCommand(Func<AuditNetlinkClient> open) => _open = open;

    public IReadOnlyList<string> Words { get; } = ["show", "auditd-status"];

    public string Summary => "Show the kernel's audit status, like auditctl -s (-s: on one line)";

    public string? ModuleType => null;

    public Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var singleLine = false;
        foreach (var argument in context.Arguments)
        {
            if (argument is "-s" or "--single-line")
            {
                singleLine = true;
                continue;
            }

            context.Error.WriteLine($"show auditd-status: unknown argument '{argument}'; usage: show auditd-status [-s]");
            return Task.FromResult(2);
        }

        try
        {
            using var client = _open();
            context.Out.Write(AuditStatusFormatter.Format(client.GetStatus(), singleLine));
            return Task.FromResult(0);
        }
        catch (AuditKernelException e)
        {
            context.Error.WriteLine($"show auditd-status: {e.Message}");
            return Task.FromResult(1);
        }
    }
}
