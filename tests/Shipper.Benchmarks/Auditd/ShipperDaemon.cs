using System.Diagnostics;
using System.Globalization;

namespace Shipper.Benchmarks.Auditd;

/// <summary>
/// The parent's handle on a <see cref="ShipperDaemonHost"/> child: writes its shipper.yml (an auditd module block
/// and <c>output.file</c> into <see cref="EventFolder"/>), starts it, waits until the kernel has it registered as
/// the audit daemon, and stops it. For experiments: <c>SHIPPER_STORM_OPTIONS</c> adds YAML lines to the module
/// block (e.g. <c>receive_buffer_size: 67108864</c>) and <c>SHIPPER_STORM_NICE</c> renices the daemon's threads
/// (e.g. -4, auditd's default priority_boost).
/// </summary>
internal sealed class ShipperDaemon : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _folder;

    private ShipperDaemon(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public int Pid => _process.Id;

    /// <summary>Where <c>output.file</c> writes NDJSON (files <c>storm*.ndjson</c>).</summary>
    public string EventFolder => Path.Combine(_folder, "events");

    /// <summary>
    /// Starts the shipper with <paramref name="moduleOptions"/> (YAML lines of the auditd block) and the rule
    /// <paramref name="rule"/> in <c>audit_rules</c>, as a user configures it (so the module registers as the audit
    /// daemon over unicast and installs the rule itself).
    /// </summary>
    public static ShipperDaemon Start(string moduleOptions, string rule, bool stalledOutput)
    {
        var folder = Directory.CreateTempSubdirectory("shipper-storm-").FullName;
        var config = Path.Combine(folder, "shipper.yml");
        moduleOptions += Environment.GetEnvironmentVariable("SHIPPER_STORM_OPTIONS") is { Length: > 0 } extra ? "\n" + extra : string.Empty;
        var indented = string.Join('\n', moduleOptions.Split('\n').Select(l => "  " + l));
        File.WriteAllText(config, $"""
            shipper.modules:
            - module: auditd
              audit_rules: '{rule}'
            {indented}
            output.file:
              path: {Path.Combine(folder, "events")}
              filename: storm
              rotate_every_kb: 4194304
              number_of_files: 2

            """);
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ShipperDaemon).Assembly.Location);
        }

        // The shipper's own host runs without tiered PGO (its runtimeconfig); this project keeps it for the
        // engine's benchmarks, so the daemon child is told, unless the environment says otherwise.
        info.Environment["DOTNET_TieredPGO"] = Environment.GetEnvironmentVariable("DOTNET_TieredPGO") ?? "0";
        info.ArgumentList.Add("storm-shipper");
        info.ArgumentList.Add(config);
        info.ArgumentList.Add(stalledOutput ? "stalled" : "file");
        var process = Process.Start(info)!;
        var daemon = new ShipperDaemon(process, folder);
        if (process.StandardOutput.ReadLine() != "started")
        {
            daemon.Dispose();
            throw new InvalidOperationException("the shipper daemon did not start");
        }

        var clock = Stopwatch.StartNew();
        while (KernelAuditState.Status().Pid != (uint)process.Id)
        {
            if (clock.Elapsed > StartTimeout || process.HasExited)
            {
                daemon.Dispose();
                throw new InvalidOperationException("the shipper daemon did not register with the kernel");
            }

            Thread.Sleep(20);
        }

        if (Environment.GetEnvironmentVariable("SHIPPER_STORM_NICE") is { Length: > 0 } nice)
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{process.Id}/task"))
            {
                using var renice = Process.Start("renice", ["-n", nice, "-p", Path.GetFileName(task)])!;
                renice.WaitForExit();
            }
        }

        return daemon;
    }

    /// <summary>Stops the daemon (it flushes its output) and returns its metrics.</summary>
    public IReadOnlyDictionary<string, long> Stop()
    {
        _process.StandardInput.WriteLine("stop");
        _process.StandardInput.Flush();
        var metrics = new Dictionary<string, long>();
        var reading = Task.Run(() =>
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                var at = line.IndexOf('=', StringComparison.Ordinal);
                if (at > 0 && long.TryParse(line[(at + 1)..], CultureInfo.InvariantCulture, out var value))
                {
                    metrics[line[..at]] = value;
                }
            }
        });
        if (!_process.WaitForExit(90_000) || !reading.Wait(10_000))
        {
            throw new InvalidOperationException("the shipper daemon did not stop within 90 s");
        }

        return metrics;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
