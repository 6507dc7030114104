using System.Globalization;

namespace Shipper.Benchmarks.Auditd;

/// <summary>A process's CPU time (user + system, all threads) from <c>/proc/PID/stat</c>, in clock ticks of 10 ms.</summary>
internal static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Of(int pid) => Parse(File.ReadAllText($"/proc/{pid}/stat")).Cpu;

    /// <summary>CPU time per thread name (threads of the same name summed), from <c>/proc/PID/task/*/stat</c>.</summary>
    public static Dictionary<string, TimeSpan> ByThread(int pid)
    {
        var threads = new Dictionary<string, TimeSpan>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                var (name, cpu) = Parse(File.ReadAllText(Path.Combine(task, "stat")));
                threads[name] = threads.GetValueOrDefault(name) + cpu;
            }
            catch (IOException)
            {
                // The thread ended while listing.
            }
        }

        return threads;
    }

    private static (string Name, TimeSpan Cpu) Parse(string stat)
    {
        var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture); // field 14
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture); // field 15
        return (name, TimeSpan.FromSeconds((utime + stime) / TicksPerSecond));
    }
}
