using System.Collections.Concurrent;

namespace Shipper.Processors.Standard.Metadata;

/// <summary>
/// Process data by pid for <c>cache.ttl</c> (including "no such process", so a stream of events about a process that
/// has exited costs one lookup per ttl). Holds at most <see cref="Capacity"/> entries: when full, expired entries go,
/// and if that is not enough, everything. Thread-safe.
/// </summary>
internal sealed class ProcessCache(Func<int, ProcessInfo?> read, TimeProvider time, TimeSpan ttl)
{
    public const int Capacity = 16384;

    private readonly ConcurrentDictionary<int, (ProcessInfo? Info, long ReadAt)> _entries = new();

    public int Count => _entries.Count;

    public ProcessInfo? Get(int pid)
    {
        var now = time.GetTimestamp();
        if (_entries.TryGetValue(pid, out var entry) && time.GetElapsedTime(entry.ReadAt, now) < ttl)
        {
            return entry.Info;
        }

        var info = read(pid);
        if (_entries.Count >= Capacity)
        {
            Trim(now);
        }

        _entries[pid] = (info, now);
        return info;
    }

    private void Trim(long now)
    {
        foreach (var (pid, entry) in _entries)
        {
            if (time.GetElapsedTime(entry.ReadAt, now) >= ttl)
            {
                _entries.TryRemove(pid, out _);
            }
        }

        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
    }
}
