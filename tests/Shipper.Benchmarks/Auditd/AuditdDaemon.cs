using System.Diagnostics;
using System.Globalization;

namespace Shipper.Benchmarks.Auditd;

/// <summary>
/// Debian's <c>auditd</c> run in the foreground (<c>auditd -n -c DIR</c>) with its own configuration folder: the
/// packaged auditd.conf's settings (enriched log, incremental_async flush every 50 records, q_depth 2000,
/// overflow_action syslog) but the log in a temporary folder, no rotation and no plugins, or with one plugin that
/// never reads its input (a stalled consumer: <c>/usr/bin/sleep infinity</c> as an "always" plugin). The systemd
/// unit is not touched; the daemon and its plugin processes are stopped by pid on dispose.
/// </summary>
internal sealed class AuditdDaemon : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _folder;

    private AuditdDaemon(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public int Pid => _process.Id;

    public string LogFile => Path.Combine(_folder, "audit.log");

    public static AuditdDaemon Start(bool stalledPlugin)
    {
        var folder = Directory.CreateTempSubdirectory("shipper-auditd-").FullName;
        var plugins = Directory.CreateDirectory(Path.Combine(folder, "plugins.d")).FullName;
        File.WriteAllText(Path.Combine(folder, "auditd.conf"), $"""
            local_events = yes
            write_logs = yes
            log_file = {Path.Combine(folder, "audit.log")}
            log_group = root
            log_format = ENRICHED
            flush = INCREMENTAL_ASYNC
            freq = 50
            max_log_file = 0
            max_log_file_action = IGNORE
            space_left = 75
            space_left_action = IGNORE
            admin_space_left = 50
            admin_space_left_action = IGNORE
            disk_full_action = IGNORE
            disk_error_action = IGNORE
            name_format = NONE
            priority_boost = 4
            q_depth = 2000
            overflow_action = SYSLOG
            max_restarts = 10
            plugin_dir = {plugins}
            end_of_event_timeout = 2

            """);
        if (stalledPlugin)
        {
            File.WriteAllText(Path.Combine(plugins, "stalled.conf"), """
                active = yes
                direction = out
                path = /usr/bin/sleep
                type = always
                args = infinity
                format = string

                """);
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.conf", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var info = new ProcessStartInfo("auditd", ["-n", "-c", folder]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start auditd");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var daemon = new AuditdDaemon(process, folder);
        var clock = Stopwatch.StartNew();
        while (KernelAuditState.Status().Pid != (uint)process.Id)
        {
            if (clock.Elapsed > StartTimeout || process.HasExited)
            {
                daemon.Dispose();
                throw new InvalidOperationException("auditd did not register with the kernel");
            }

            Thread.Sleep(20);
        }

        return daemon;
    }

    /// <summary>Stops auditd with SIGTERM (it unregisters from the kernel), then any plugin it left, by pid.</summary>
    public void Stop()
    {
        if (_process.HasExited)
        {
            return;
        }

        var children = ChildrenOf(_process.Id);
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!_process.WaitForExit(15_000))
        {
            _process.Kill();
            _process.WaitForExit();
        }

        foreach (var child in children)
        {
            try
            {
                using var process = Process.GetProcessById(child);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone: auditd stopped its plugin.
            }
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static List<int> ChildrenOf(int pid)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var candidate))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == pid)
                {
                    children.Add(candidate);
                }
            }
            catch (IOException)
            {
                // The process ended while listing.
            }
        }

        return children;
    }
}
