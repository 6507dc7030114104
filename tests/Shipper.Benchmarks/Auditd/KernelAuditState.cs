using System.Diagnostics;
using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Benchmarks.Auditd;

/// <summary>
/// Saves the kernel's audit state (rules as the kernel's bytes, enabled, failure, rate and backlog limits, backlog
/// wait time) when created and puts it back on dispose, then checks with <c>auditctl -s</c> that no daemon is
/// registered. Between scenarios <see cref="Reset"/> sets the harness's baseline: rules deleted, auditing enabled,
/// backlog limit 8192, no rate limit, the kernel's default backlog wait time (60 s).
/// </summary>
internal sealed class KernelAuditState : IDisposable
{
    public const uint BacklogLimit = 8192;
    public const uint DefaultBacklogWaitTime = 15000; // 60 * HZ with this kernel's HZ=250

    private readonly AuditStatus _saved;
    private readonly IReadOnlyList<byte[]> _rules;

    public KernelAuditState()
    {
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        _saved = client.GetStatus();
        if (_saved.Pid != 0)
        {
            throw new InvalidOperationException($"an audit daemon (pid {_saved.Pid}) is registered; the harness needs the kernel to itself");
        }

        _rules = client.ListRules();
    }

    /// <summary>Deletes every rule and sets the baseline status.</summary>
    public static void Reset()
    {
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        client.DeleteAllRules();
        client.SetStatus(new AuditStatusUpdate { Enabled = 1, RateLimit = 0, BacklogLimit = BacklogLimit, BacklogWaitTime = DefaultBacklogWaitTime });
    }

    /// <summary>The kernel's current status.</summary>
    public static AuditStatus Status()
    {
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        return client.GetStatus();
    }

    /// <summary>Adds a rule with <c>auditctl</c>, the reference tool.</summary>
    public static void Auditctl(params string[] arguments)
    {
        using var process = Process.Start("auditctl", arguments);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"auditctl {string.Join(' ', arguments)} exited {process.ExitCode}");
        }
    }

    public void Dispose()
    {
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        if (client.GetStatus().Pid is var pid and not 0)
        {
            throw new InvalidOperationException($"pid {pid} is still registered as the audit daemon");
        }

        client.DeleteAllRules();
        foreach (var rule in _rules)
        {
            client.AddRule(rule);
        }

        client.SetStatus(new AuditStatusUpdate
        {
            Failure = _saved.Failure,
            RateLimit = _saved.RateLimit,
            BacklogLimit = _saved.BacklogLimit,
            BacklogWaitTime = _saved.HasBacklogWaitTime ? _saved.BacklogWaitTime : null,
            Enabled = _saved.Enabled,
        });
        var now = client.GetStatus();
        if ((now.Enabled, now.Failure, now.Pid, now.RateLimit, now.BacklogLimit, now.BacklogWaitTime) != (_saved.Enabled, _saved.Failure, 0u, _saved.RateLimit, _saved.BacklogLimit, _saved.BacklogWaitTime)
            || client.ListRules().Count != _rules.Count)
        {
            throw new InvalidOperationException($"the kernel's audit state was not restored: {now} (was {_saved})");
        }

        Console.WriteLine($"kernel audit state restored (enabled {now.Enabled}, pid {now.Pid}, backlog_limit {now.BacklogLimit}, backlog_wait_time {now.BacklogWaitTime}, {_rules.Count} rules)");
    }
}
