using System.Collections.Frozen;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>
/// One colon-separated account database (<c>/etc/passwd</c> or <c>/etc/group</c>: name in column 1, id in column 3),
/// read again when the file's modification time, size or inode changes (checked at most once per
/// <see cref="CheckInterval"/>). Thread-safe: readers see one complete snapshot.
/// </summary>
internal sealed class AccountFile(string path, TimeProvider time)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private Snapshot _snapshot = Snapshot.Empty;
    private long _nextCheck = long.MinValue;

    public string? NameOf(string id) => Current().ById.TryGetValue(id, out var name) ? name : null;

    public string? IdOf(string name) => Current().ByName.TryGetValue(name, out var id) ? id : null;

    private Snapshot Current()
    {
        var now = NowMilliseconds();
        if (now < Volatile.Read(ref _nextCheck))
        {
            return _snapshot;
        }

        lock (_lock)
        {
            if (now < _nextCheck)
            {
                return _snapshot;
            }

            _nextCheck = now + (long)CheckInterval.TotalMilliseconds;
            var stamp = Stamp();
            if (stamp != _snapshot.Stamp)
            {
                _snapshot = Load(stamp);
            }

            return _snapshot;
        }
    }

    /// <summary>
    /// The system clock's millisecond tick count, which is read from memory; the system time provider's timestamp is a
    /// <c>clock_gettime</c> call that cost as much as the lookup it guarded (every id of every event asks). Another
    /// provider (tests) is asked for its timestamp.
    /// </summary>
    private long NowMilliseconds() =>
        ReferenceEquals(time, TimeProvider.System) ? Environment.TickCount64 : (long)(time.GetTimestamp() * 1000.0 / time.TimestampFrequency);

    private (DateTime, long, long) Stamp()
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? (info.LastWriteTimeUtc, info.Length, info.CreationTimeUtc.Ticks) : default;
        }
        catch (IOException)
        {
            return default;
        }
        catch (UnauthorizedAccessException)
        {
            return default;
        }
    }

    private Snapshot Load((DateTime, long, long) stamp)
    {
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                var parts = line.Split(':');
                if (parts.Length < 3 || parts[0].Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                byId.TryAdd(parts[2], parts[0]);
                byName.TryAdd(parts[0], parts[2]);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return new Snapshot(stamp, byId.ToFrozenDictionary(StringComparer.Ordinal), byName.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private sealed record Snapshot((DateTime, long, long) Stamp, FrozenDictionary<string, string> ById, FrozenDictionary<string, string> ByName)
    {
        public static readonly Snapshot Empty = new((DateTime.MinValue, -1, -1), FrozenDictionary<string, string>.Empty, FrozenDictionary<string, string>.Empty);
    }
}
