using System.Globalization;

namespace Shipper.Benchmarks.Auditd;

/// <summary>
/// <c>auditd-backpressure [syscalls]</c> (issue 6's measure): the run time of an audited workload (one process
/// making <c>syscalls</c> audited syscalls, see <see cref="SyscallStorm"/>) with no daemon, with the shipper under
/// each <c>backpressure_strategy</c> and its output stalled, with the shipper delivering to a file, and with
/// Debian's auditd (as packaged, and with a plugin that never reads). Before the timed runs a fill storm of 60,000
/// syscalls fills whatever sits between the kernel and the stalled output (the socket buffer, the event pump's
/// queue, the pipeline's queue), so the timed runs meet the steady state of a blocked output. Three timed runs per
/// scenario, median reported; a run that does not finish within 30 s is killed and reported as frozen.
/// The kernel's audit state is saved first and restored at the end; run it under the kernel lock.
/// </summary>
internal static class BackpressureSlowdownHarness
{
    private const string Key = "shipper-slowdown";
    private const int FillSyscalls = 60_000;
    private static readonly string RuleText = string.Join(' ', SyscallStorm.Rule(Key));
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    public static void Run(int syscalls)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"workload: 1 process, {syscalls:N0} audited {SyscallStorm.Syscall} calls; backlog_limit {KernelAuditState.BacklogLimit}; 3 runs, median"));
        var scenarios = new List<Scenario>
        {
            new("no audit rule, no daemon", Rule: false, Start: () => null),
            new("audit rule, no daemon", Rule: true, Start: () => null),
        };
        foreach (var strategy in new[] { "auto", "kernel", "userspace", "both", "none" })
        {
            scenarios.Add(new($"shipper, `{strategy}`, output stalled", Rule: true, Start: () => new Shipper(ShipperDaemon.Start($"backpressure_strategy: {strategy}", RuleText, stalledOutput: true))));
        }

        scenarios.Add(new("shipper, `auto`, output.file delivering", Rule: true, Start: () => new Shipper(ShipperDaemon.Start("backpressure_strategy: auto", RuleText, stalledOutput: false))));
        scenarios.Add(new("auditd 3.0.9 (Debian's auditd.conf), log delivering", Rule: true, Start: () => new Auditd(AuditdDaemon.Start(stalledPlugin: false))));
        scenarios.Add(new("auditd 3.0.9, plugin that never reads", Rule: true, Start: () => new Auditd(AuditdDaemon.Start(stalledPlugin: true))));

        var results = new List<(Scenario Scenario, Result Result)>();
        using (new KernelAuditState())
        {
            foreach (var scenario in scenarios)
            {
                var result = Measure(scenario, syscalls);
                results.Add((scenario, result));
                Console.WriteLine($"  {scenario.Name}: {result.Describe()}");
            }
        }

        var baseline = results[0].Result.Median!.Value;
        Console.WriteLine();
        Console.WriteLine("| scenario | workload run time (median of 3) | slowdown vs no audit | backlog_wait_time / rate_limit while running | kernel lost during the runs | shipper userspace_lost |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|");
        foreach (var (scenario, result) in results)
        {
            var time = result.Median is { } median ? $"{median.TotalMilliseconds:N0} ms" : $"frozen (> {RunTimeout.TotalSeconds:N0} s, killed)";
            var ratio = result.Median is { } m ? $"{m / baseline:N2}×" : $"> {RunTimeout / baseline:N0}×";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {scenario.Name} | {time} | {ratio} | {result.WaitTime} / {result.RateLimit} | {result.KernelLost:N0} | {result.UserspaceLost} |"));
        }
    }

    private static Result Measure(Scenario scenario, int syscalls)
    {
        KernelAuditState.Reset();
        if (scenario.Rule)
        {
            KernelAuditState.Auditctl(SyscallStorm.Rule(Key));
        }

        using var daemon = scenario.Start();
        SyscallStorm.Run(1, FillSyscalls, RunTimeout);
        Thread.Sleep(1000);
        var before = KernelAuditState.Status();
        var times = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var (_, elapsed) = SyscallStorm.Run(1, syscalls, RunTimeout);
            if (elapsed is not { } time)
            {
                times.Clear();
                break;
            }

            times.Add(time);
        }

        var after = KernelAuditState.Status();
        var metrics = daemon?.Stop() ?? new Dictionary<string, long>();
        times.Sort();
        return new Result(
            times.Count == 3 ? times[1] : null,
            after.BacklogWaitTime,
            after.RateLimit,
            unchecked(after.Lost - before.Lost),
            metrics.TryGetValue("auditd.userspace_lost", out var lost) ? lost.ToString("N0", CultureInfo.InvariantCulture) : "—");
    }

    private sealed record Scenario(string Name, bool Rule, Func<IDaemon?> Start);

    private sealed record Result(TimeSpan? Median, uint WaitTime, uint RateLimit, uint KernelLost, string UserspaceLost)
    {
        public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{(Median is { } m ? $"{m.TotalMilliseconds:N0} ms" : "frozen")}, backlog_wait_time {WaitTime}, rate_limit {RateLimit}, kernel lost {KernelLost}, userspace_lost {UserspaceLost}");
    }

    private interface IDaemon : IDisposable
    {
        IReadOnlyDictionary<string, long> Stop();
    }

    private sealed class Shipper(ShipperDaemon daemon) : IDaemon
    {
        public IReadOnlyDictionary<string, long> Stop() => daemon.Stop();

        public void Dispose() => daemon.Dispose();
    }

    private sealed class Auditd(AuditdDaemon daemon) : IDaemon
    {
        public IReadOnlyDictionary<string, long> Stop()
        {
            daemon.Stop();
            return new Dictionary<string, long>();
        }

        public void Dispose() => daemon.Dispose();
    }
}
