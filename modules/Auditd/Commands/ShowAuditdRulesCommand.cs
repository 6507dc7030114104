using Shipper.Commands;
using Shipper.Modules.Auditd.Netlink;
using Shipper.Modules.Auditd.Rules;

namespace Shipper.Modules.Auditd.Commands;

/// <summary>
/// <c>shipper show auditd-rules [-n]</c>: the kernel's rules exactly as <c>auditctl -l</c> prints them
/// (<c>No rules</c> when empty). Ids are printed as numbers, as auditctl does; <c>-n</c> says so explicitly.
/// </summary>
public sealed class ShowAuditdRulesCommand : ICommandContribution
{
    private readonly Func<AuditNetlinkClient> _open;

    public ShowAuditdRulesCommand()
        : this(() => AuditNetlinkClient.Open(AuditSocketMode.Unicast))
    {
    }

    internal ShowAuditdRulesCommand(Func<AuditNetlinkClient> open) => _open = open;

    public IReadOnlyList<string> Words { get; } = ["show", "auditd-rules"];

    public string Summary => "Show the kernel's audit rules, as auditctl -l prints them (-n: numeric ids, the default)";

    public string? ModuleType => null;

    public Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var argument in context.Arguments)
        {
            if (argument is not ("-n" or "--no-resolve"))
            {
                context.Error.WriteLine($"show auditd-rules: unknown argument '{argument}'; usage: show auditd-rules [-n]");
                return Task.FromResult(2);
            }
        }

        try
        {
            using var client = _open();
            context.Out.Write(RuleFormatter.Format(client.ListRules()));
            return Task.FromResult(0);
        }
        catch (AuditKernelException e)
        {
            context.Error.WriteLine($"show auditd-rules: {e.Message}");
            return Task.FromResult(1);
        }
        catch (FormatException e)
        {
            context.Error.WriteLine($"show auditd-rules: the kernel sent a rule that cannot be read: {e.Message}");
            return Task.FromResult(1);
        }
    }
}
