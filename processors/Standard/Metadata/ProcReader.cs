using System.Globalization;
using System.Text.RegularExpressions;

namespace Shipper.Processors.Standard.Metadata;

/// <summary>
/// Reads one process from <c>/proc</c> (under <c>host_path</c>): <c>comm</c>, <c>exe</c>, <c>cmdline</c>, <c>stat</c>
/// (parent and start time), <c>status</c> (real uid) and <c>cgroup</c> (container id), and user names from
/// <c>etc/passwd</c>. Called on a cache miss only. Clock ticks are USER_HZ, which Linux fixes at 100 in /proc.
/// </summary>
internal sealed partial class ProcReader
{
    private const double TicksPerSecond = 100;

    private readonly string _proc;
    private readonly string _passwd;
    private readonly Lazy<DateTimeOffset?> _bootTime;
    private volatile Dictionary<int, string>? _users;
    private long _usersReadAt;

    public ProcReader(string hostPath)
    {
        _proc = Path.Combine(hostPath, "proc");
        _passwd = Path.Combine(hostPath, "etc", "passwd");
        _bootTime = new Lazy<DateTimeOffset?>(ReadBootTime);
    }

    /// <summary>The process, or null when it does not exist (any more).</summary>
    public ProcessInfo? Read(int pid)
    {
        var folder = Path.Combine(_proc, pid.ToString(CultureInfo.InvariantCulture));
        var stat = ReadText(Path.Combine(folder, "stat"));
        if (stat is null)
        {
            return null;
        }

        var (comm, parent, startTicks) = ParseStat(stat);
        var uid = ParseUid(ReadText(Path.Combine(folder, "status")));
        var args = ReadText(Path.Combine(folder, "cmdline"))?.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        return new ProcessInfo(
            pid,
            ReadText(Path.Combine(folder, "comm"))?.TrimEnd('\n') ?? comm,
            ReadLink(Path.Combine(folder, "exe")),
            args,
            parent,
            startTicks is { } ticks && _bootTime.Value is { } boot ? boot.AddSeconds(ticks / TicksPerSecond) : null,
            uid,
            uid is { } u ? UserName(u) : null,
            ContainerId(ReadText(Path.Combine(folder, "cgroup"))));
    }

    /// <summary>The 64-hex-digit container id in a cgroup path (docker, containerd, cri-o, podman), or null.</summary>
    internal static string? ContainerId(string? cgroup)
    {
        if (cgroup is null)
        {
            return null;
        }

        foreach (var line in cgroup.Split('\n'))
        {
            var match = ContainerIdPattern().Match(line);
            if (match.Success)
            {
                return match.Groups["id"].Value;
            }
        }

        return null;
    }

    /// <summary>The command name, parent pid and start time (ticks since boot) from a <c>stat</c> line.</summary>
    internal static (string? Comm, int? Parent, long? StartTicks) ParseStat(string stat)
    {
        // The command is in parentheses and may itself hold spaces and parentheses: split after the last ')'.
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return (null, null, null);
        }

        var rest = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int? parent = rest.Length > 1 && int.TryParse(rest[1], CultureInfo.InvariantCulture, out var p) ? p : null;
        long? start = rest.Length > 19 && long.TryParse(rest[19], CultureInfo.InvariantCulture, out var s) ? s : null;
        return (stat[(open + 1)..close], parent, start);
    }

    private static int? ParseUid(string? status)
    {
        foreach (var line in status?.Split('\n') ?? [])
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                var fields = line[4..].Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 0 && int.TryParse(fields[0], CultureInfo.InvariantCulture, out var uid) ? uid : null;
            }
        }

        return null;
    }

    private string? UserName(int uid)
    {
        // An unknown uid may be a user added since the names were read: read them again, at most once a minute.
        var users = _users;
        if (users is null || (!users.ContainsKey(uid) && Environment.TickCount64 - Interlocked.Read(ref _usersReadAt) > 60_000))
        {
            users = _users = ReadUsers();
            Interlocked.Exchange(ref _usersReadAt, Environment.TickCount64);
        }

        return users.GetValueOrDefault(uid);
    }

    private Dictionary<int, string> ReadUsers()
    {
        var users = new Dictionary<int, string>();
        foreach (var line in (ReadText(_passwd) ?? string.Empty).Split('\n'))
        {
            var fields = line.Split(':');
            if (fields.Length > 2 && int.TryParse(fields[2], CultureInfo.InvariantCulture, out var uid))
            {
                users.TryAdd(uid, fields[0]);
            }
        }

        return users;
    }

    private DateTimeOffset? ReadBootTime()
    {
        foreach (var line in (ReadText(Path.Combine(_proc, "stat")) ?? string.Empty).Split('\n'))
        {
            if (line.StartsWith("btime ", StringComparison.Ordinal) && long.TryParse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture, out var seconds))
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        return null;
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"(?:^|[/:-])(?<id>[0-9a-f]{64})(?:\.scope)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerIdPattern();
}
