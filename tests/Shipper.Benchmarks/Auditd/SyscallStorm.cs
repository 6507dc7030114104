using System.Diagnostics;
using System.Globalization;

namespace Shipper.Benchmarks.Auditd;

/// <summary>
/// The audited workload: child processes (perl) each calling <c>sched_get_priority_max(i)</c> for i = 1..N, a
/// harmless syscall nothing else on the machine calls in a loop, so a rule on it with a key sees only the storm.
/// Every call is tagged by its process id and its argument (<c>a0</c> in the SYSCALL record), so each expected
/// event is known and can be counted exactly once.
/// </summary>
internal static class SyscallStorm
{
    /// <summary>The syscall's name for <c>auditctl -S</c>.</summary>
    public const string Syscall = "sched_get_priority_max";

    private const int SyscallNumber = 146; // x86_64

    /// <summary>The rule that audits the storm, with <paramref name="key"/>.</summary>
    public static string[] Rule(string key) => ["-a", "always,exit", "-F", "arch=b64", "-S", Syscall, "-F", "key=" + key];

    /// <summary>Starts one child making <paramref name="calls"/> audited syscalls.</summary>
    public static Process Start(int calls) =>
        Process.Start("perl", ["-e", string.Create(CultureInfo.InvariantCulture, $"syscall({SyscallNumber}, $_) for 1..{calls}")])
        ?? throw new InvalidOperationException("cannot start perl");

    /// <summary>
    /// Runs <paramref name="processes"/> children of <paramref name="calls"/> syscalls each at once and returns their
    /// pids and the wall time until the last exited, or null for the time when they had not finished within
    /// <paramref name="timeout"/> (they are then killed).
    /// </summary>
    public static (IReadOnlyList<int> Pids, TimeSpan? Elapsed) Run(int processes, int calls, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var children = Enumerable.Range(0, processes).Select(_ => Start(calls)).ToList();
        var pids = children.Select(c => c.Id).ToList();
        var finished = true;
        foreach (var child in children)
        {
            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero || !child.WaitForExit(left))
            {
                finished = false;
            }
        }

        var elapsed = clock.Elapsed;
        foreach (var child in children)
        {
            if (!child.HasExited)
            {
                child.Kill();
                child.WaitForExit();
            }
            else if (child.ExitCode != 0)
            {
                throw new InvalidOperationException($"the storm process exited {child.ExitCode}");
            }

            child.Dispose();
        }

        return (pids, finished ? elapsed : null);
    }
}
