using System.Diagnostics;
using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Tests.Kernel;

/// <summary>
/// Saves the kernel's audit state (rules as the kernel's own bytes; enabled, failure, pid, rate limit, backlog
/// limit and backlog wait time) before the "kernel" collection and puts it back after each test that asks and
/// at the end. It also stops every <c>auditd</c> started through <see cref="StartAuditd"/>. A file lock keeps
/// test runs in other processes (other worktrees) from changing the same kernel at the same time.
/// </summary>
public sealed class KernelStateFixture : IDisposable
{
    private const string LockPath = "/tmp/shipper-audit-kernel.lock";
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(10);

    private readonly FileStream? _lock;
    private readonly List<Process> _daemons = [];

    public KernelStateFixture()
    {
        if (KernelAvailability.SkipReason is not null)
        {
            return;
        }

        if (!KernelAvailability.IsRoot)
        {
            throw new InvalidOperationException("CI=true: the kernel audit tests must run, and they need root (CAP_AUDIT_CONTROL)");
        }

        _lock = AcquireLock();
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        Saved = client.GetStatus();
        SavedRules = client.ListRules();
        SavedRuleText = Auditctl.Rules();
    }

    /// <summary>The status found before the first test (null when kernel tests skip here).</summary>
    public AuditStatus? Saved { get; }

    public IReadOnlyList<byte[]> SavedRules { get; } = [];

    public IReadOnlyList<string> SavedRuleText { get; } = [];

    /// <summary>Starts the real auditd in the foreground (-n); stopped at <see cref="Restore"/>.</summary>
    public Process StartAuditd()
    {
        var start = new ProcessStartInfo("auditd", "-n") { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start auditd");
        _daemons.Add(process);
        return process;
    }

    /// <summary>Puts back the saved state and checks it with auditctl; throws when it could not.</summary>
    public void Restore()
    {
        if (Saved is not { } saved)
        {
            return;
        }

        StopDaemons();
        using var client = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        var now = client.GetStatus();
        if (now.Enabled == 2 && saved.Enabled != 2)
        {
            throw new InvalidOperationException("a test locked the audit configuration (enabled 2); only a reboot restores it");
        }

        if (now.Pid != saved.Pid && now.Pid == (uint)Environment.ProcessId)
        {
            client.SetStatus(new AuditStatusUpdate { Pid = 0 });
        }

        client.DeleteAllRules();
        foreach (var rule in SavedRules)
        {
            client.AddRule(rule);
        }

        client.SetStatus(new AuditStatusUpdate
        {
            Failure = saved.Failure,
            RateLimit = saved.RateLimit,
            BacklogLimit = saved.BacklogLimit,
            BacklogWaitTime = saved.HasBacklogWaitTime ? saved.BacklogWaitTime : null,
            Enabled = saved.Enabled,
        });
        Verify(saved);
    }

    public void Dispose()
    {
        try
        {
            Restore();
        }
        finally
        {
            _lock?.Dispose();
        }
    }

    private static FileStream AcquireLock()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < LockWait)
            {
                Thread.Sleep(200);
            }
        }
    }

    private void Verify(AuditStatus saved)
    {
        var status = Auditctl.Status();
        var expected = new Dictionary<string, uint>
        {
            ["enabled"] = saved.Enabled,
            ["failure"] = saved.Failure,
            ["pid"] = saved.Pid,
            ["rate_limit"] = saved.RateLimit,
            ["backlog_limit"] = saved.BacklogLimit,
            ["backlog_wait_time"] = saved.BacklogWaitTime,
        };
        var wrong = expected.Where(e => status.GetValueOrDefault(e.Key) != e.Value.ToString()).Select(e => $"{e.Key} {status.GetValueOrDefault(e.Key)} (was {e.Value})").ToList();
        var rules = Auditctl.Rules();
        if (!rules.SequenceEqual(SavedRuleText))
        {
            wrong.Add($"rules [{string.Join("; ", rules)}] (were [{string.Join("; ", SavedRuleText)}])");
        }

        if (wrong.Count > 0)
        {
            throw new InvalidOperationException("kernel audit state not restored: " + string.Join(", ", wrong));
        }
    }

    private void StopDaemons()
    {
        foreach (var daemon in _daemons)
        {
            if (!daemon.HasExited)
            {
                // SIGTERM lets auditd unregister its pid from the kernel before it exits.
                Process.Start("kill", ["-TERM", daemon.Id.ToString()])?.WaitForExit();
                if (!daemon.WaitForExit(10_000))
                {
                    daemon.Kill();
                    daemon.WaitForExit();
                }
            }

            daemon.Dispose();
        }

        _daemons.Clear();
    }
}
