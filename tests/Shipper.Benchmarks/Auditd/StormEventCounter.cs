using System.Globalization;
using System.Text.Json;

namespace Shipper.Benchmarks.Auditd;

/// <summary>
/// Counts the storm's events a daemon wrote: each expected event is (storm pid, argument 1..N); an event is counted
/// once however often it appears, and appearances beyond the first are duplicates.
/// </summary>
internal sealed class StormEventCounter(IReadOnlyCollection<int> pids, int calls, string key)
{
    private readonly HashSet<(int Pid, long Argument)> _seen = [];

    public int Unique => _seen.Count;

    public int Duplicates { get; private set; }

    public int Expected => pids.Count * calls;

    /// <summary>Reads auditd's log: SYSCALL records with the key, their <c>pid=</c> and <c>a0=</c> (hex).</summary>
    public StormEventCounter ReadAuditLog(string path)
    {
        var quotedKey = $"key=\"{key}\"";
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("type=SYSCALL ", StringComparison.Ordinal) && line.Contains(quotedKey, StringComparison.Ordinal))
            {
                Add(int.Parse(Value(line, " pid="), CultureInfo.InvariantCulture), long.Parse(Value(line, " a0="), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return this;
    }

    /// <summary>Reads the shipper's NDJSON: documents tagged with the key, their <c>process.pid</c> and <c>auditd.data.a0</c>.</summary>
    public StormEventCounter ReadNdjson(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "storm*"))
        {
            foreach (var line in File.ReadLines(file))
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (!root.TryGetProperty("tags", out var tags) || !tags.EnumerateArray().Any(t => t.GetString() == key))
                {
                    continue;
                }

                // The key also tags the CONFIG_CHANGE events of adding and removing the rule, which are no calls.
                if (!root.TryGetProperty("process", out var process) || !process.TryGetProperty("pid", out var pid)
                    || !root.GetProperty("auditd").GetProperty("data").TryGetProperty("a0", out var a0))
                {
                    continue;
                }

                Add(pid.GetInt32(), long.Parse(a0.GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return this;
    }

    private void Add(int pid, long argument)
    {
        if (!pids.Contains(pid) || argument < 1 || argument > calls)
        {
            return;
        }

        if (!_seen.Add((pid, argument)))
        {
            Duplicates++;
        }
    }

    private static string Value(string line, string name)
    {
        var start = line.IndexOf(name, StringComparison.Ordinal) + name.Length;
        var end = line.IndexOf(' ', start);
        return line[start..(end < 0 ? line.Length : end)];
    }
}
