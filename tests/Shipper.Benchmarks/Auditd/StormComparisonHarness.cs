using System.Globalization;

namespace Shipper.Benchmarks.Auditd;

/// <summary>
/// <c>auditd-storm [processes] [syscalls]</c> (issue 5's live comparison): the same storm (<c>processes</c> children
/// at once, <c>syscalls</c> audited calls each, every call tagged by pid and argument) once under Debian's auditd
/// writing its log and once under the shipper writing NDJSON with <c>output.file</c> (with the default
/// <c>backpressure_strategy: auto</c> and with <c>none</c>, which leaves the kernel's backlog wait as auditd does).
/// Reports events expected, received once, lost and duplicated for each, and the daemon's CPU time (utime + stime
/// from /proc) from just before the storm until it has gone quiet after it, per event received. A warm-up (not
/// counted; 5,000 calls unless given) runs first under each daemon: a short one measures a daemon just started (the
/// shipper's JIT and tiered PGO still at work), a long one a daemon that has been running. Run it under the kernel lock.
/// </summary>
internal static class StormComparisonHarness
{
    private const string Key = "shipper-storm";
    private static readonly string RuleText = string.Join(' ', SyscallStorm.Rule(Key));
    private static readonly TimeSpan StormTimeout = TimeSpan.FromMinutes(3);

    public static void Run(int processes, int calls, string daemons, int warmup = 5_000)
    {
        var chosen = daemons.Split(',');
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storm: {processes} processes × {calls:N0} audited {SyscallStorm.Syscall} calls = {processes * calls:N0} events after a warm-up of {warmup:N0}; backlog_limit {KernelAuditState.BacklogLimit}"));
        var rows = new List<Row>();
        using (new KernelAuditState())
        {
            if (chosen.Contains("auditd"))
            {
                rows.Add(Measure("auditd 3.0.9 (log file, enriched)", () => new Daemon(AuditdDaemon.Start(stalledPlugin: false)), processes, calls, warmup));
            }

            if (chosen.Contains("auto"))
            {
                rows.Add(Measure("shipper, `auto` (output.file)", () => new Daemon(ShipperDaemon.Start("backpressure_strategy: auto", RuleText, stalledOutput: false)), processes, calls, warmup));
            }

            if (chosen.Contains("none"))
            {
                rows.Add(Measure("shipper, `none` (output.file)", () => new Daemon(ShipperDaemon.Start("backpressure_strategy: none", RuleText, stalledOutput: false)), processes, calls, warmup));
            }
        }

        var reference = rows[0];
        Console.WriteLine();
        Console.WriteLine("| daemon | expected | received (once) | lost | duplicates | kernel lost | storm wall time | daemon CPU | CPU µs / event | CPU ratio to auditd |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Name} | {row.Expected:N0} | {row.Received:N0} | {row.Expected - row.Received:N0} | {row.Duplicates:N0} | {row.KernelLost:N0} | {row.Wall.TotalSeconds:N2} s | {row.Cpu.TotalMilliseconds:N0} ms | {row.CpuPerEvent:N1} | {row.CpuPerEvent / reference.CpuPerEvent:N2} |"));
        }
    }

    private static Row Measure(string name, Func<Daemon> start, int processes, int calls, int warmup)
    {
        KernelAuditState.Reset();
        KernelAuditState.Auditctl(SyscallStorm.Rule(Key));
        using var daemon = start();
        SyscallStorm.Run(1, warmup, StormTimeout);
        WaitQuiet(daemon.Pid);
        var before = KernelAuditState.Status();
        var cpuBefore = ProcessCpu.Of(daemon.Pid);
        var threadsBefore = ProcessCpu.ByThread(daemon.Pid);
        var (pids, wall) = SyscallStorm.Run(processes, calls, StormTimeout);
        WaitQuiet(daemon.Pid);
        var cpu = ProcessCpu.Of(daemon.Pid) - cpuBefore;
        var threads = ProcessCpu.ByThread(daemon.Pid)
            .Select(t => (t.Key, Cpu: t.Value - threadsBefore.GetValueOrDefault(t.Key)))
            .Where(t => t.Cpu > TimeSpan.Zero)
            .OrderByDescending(t => t.Cpu);
        var after = KernelAuditState.Status();
        var metrics = daemon.Stop();
        var counter = new StormEventCounter([.. pids], calls, Key);
        daemon.Count(counter);
        var row = new Row(name, counter.Expected, counter.Unique, counter.Duplicates, unchecked(after.Lost - before.Lost), wall ?? StormTimeout, cpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: received {row.Received:N0} of {row.Expected:N0}, {row.Duplicates} duplicates, kernel lost {row.KernelLost}, cpu {cpu.TotalMilliseconds:N0} ms, wall {row.Wall.TotalSeconds:N2} s{(wall is null ? " (timed out)" : string.Empty)}"));
        Console.WriteLine("    CPU by thread: " + string.Join(", ", threads.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Cpu.TotalMilliseconds:N0} ms"))));
        if (metrics.Count > 0)
        {
            Console.WriteLine("    " + string.Join(", ", metrics.Where(m => m.Value != 0).Select(m => $"{m.Key}={m.Value}")));
        }

        return row;
    }

    /// <summary>Waits until the kernel's backlog is empty and the daemon used no CPU for a second (10 s at most after 3 min).</summary>
    private static void WaitQuiet(int pid)
    {
        var deadline = DateTime.UtcNow + StormTimeout;
        var last = ProcessCpu.Of(pid);
        while (DateTime.UtcNow < deadline)
        {
            Thread.Sleep(1000);
            var now = ProcessCpu.Of(pid);
            if (now - last <= TimeSpan.FromMilliseconds(20) && KernelAuditState.Status().Backlog == 0)
            {
                return;
            }

            last = now;
        }
    }

    private sealed record Row(string Name, int Expected, int Received, int Duplicates, uint KernelLost, TimeSpan Wall, TimeSpan Cpu)
    {
        public double CpuPerEvent => Cpu.TotalMilliseconds * 1000 / Math.Max(1, Received);
    }

    /// <summary>One daemon under test: its pid, how it stops, and where its events are counted.</summary>
    private sealed class Daemon : IDisposable
    {
        private readonly AuditdDaemon? _auditd;
        private readonly ShipperDaemon? _shipper;

        public Daemon(AuditdDaemon auditd) => _auditd = auditd;

        public Daemon(ShipperDaemon shipper) => _shipper = shipper;

        public int Pid => _auditd?.Pid ?? _shipper!.Pid;

        public IReadOnlyDictionary<string, long> Stop()
        {
            if (_shipper is not null)
            {
                return _shipper.Stop();
            }

            _auditd!.Stop();
            return new Dictionary<string, long>();
        }

        public void Count(StormEventCounter counter)
        {
            if (_auditd is not null)
            {
                counter.ReadAuditLog(_auditd.LogFile);
            }
            else
            {
                counter.ReadNdjson(_shipper!.EventFolder);
            }
        }

        public void Dispose()
        {
            _auditd?.Dispose();
            _shipper?.Dispose();
        }
    }
}
