using System.Text;
using Shipper.Modules.Auditd.Parsing;

namespace Shipper.Modules.Auditd.Reassembly;

/// <summary>
/// Groups records into events by serial (and <c>node=</c>), however far apart and out of order they arrive, and
/// hands each complete event to an <see cref="IAssembledEventSink"/>. An event is complete on its EOE record, at
/// once for user-space record types, on PROCTITLE in audit.log input, or after a quiet time for records that get
/// no end marker. Memory and age bound what is held; forced flushes are counted, as are serials that never came.
/// Not thread-safe: one caller at a time. Times are milliseconds: the caller's clock when live, the records' own
/// time when reading logs.
/// </summary>
/// <remarks>
/// Log input also counts records: an event whose serial has moved on is complete once the quiet time of record time
/// has passed or <see cref="LogQuietRecords"/> more records have been read, whichever comes first. Record time alone
/// does not always move on: logs given newest first (<c>audit.log audit.log.1</c>), logs of several hosts, or a
/// log's copy go back in time, and their events would otherwise wait for the end of the input or the memory bound.
/// </remarks>
public sealed class Reassembler
{
    /// <summary>
    /// Records read after an event's last one before it counts as quiet in log input. The kernel writes one event's
    /// records together at the end of its syscall, so records of concurrent events interleave within a few dozen
    /// lines; this is far beyond that, and small enough to bound memory at a few megabytes.
    /// </summary>
    public const long LogQuietRecords = 8192;

    private const long LogExpiryStep = 250;
    private const long LogExpiryRecords = 1024;

    private readonly ReassemblerOptions _options;
    private readonly ReassemblerMode _mode;
    private readonly IAssembledEventSink _sink;
    private readonly ReassemblerCounters _counters;
    private readonly Dictionary<long, AssembledEvent> _events = [];
    private readonly RecentSerials _recent;
    private readonly List<NodeState> _nodes = [new NodeState(null, [])];
    private readonly long _maxAge;
    private readonly long _quiet;
    private AssembledEvent? _oldest;
    private AssembledEvent? _newest;
    private long _bytes;
    private long _clock;
    private long _lastExpiry;
    private long _records;
    private long _lastExpiryRecords;

    public Reassembler(ReassemblerOptions options, ReassemblerMode mode, IAssembledEventSink sink, ReassemblerCounters counters)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _mode = mode;
        _sink = sink;
        _counters = counters;
        _recent = new RecentSerials(options.LateWindow);
        _maxAge = (long)options.MaxAge.TotalMilliseconds;
        _quiet = (long)options.QuietTime.TotalMilliseconds;
    }

    /// <summary>Events being assembled.</summary>
    public int InFlight => _events.Count;

    /// <summary>Bytes held by events being assembled.</summary>
    public long InFlightBytes => _bytes;

    /// <summary>
    /// Adds a record. <paramref name="raw"/> is its whole text (which holds <paramref name="record"/>'s spans) and is
    /// copied. <paramref name="now"/> is the caller's clock in live mode and ignored for logs.
    /// </summary>
    public void Add(in AuditRecordSpan record, ReadOnlySpan<byte> raw, long now)
    {
        _clock = _mode == ReassemblerMode.Log ? Math.Max(_clock, record.Timestamp.UnixMilliseconds) : now;
        _records++;
        var nodeId = NodeIdOf(record.Node);
        var node = _nodes[nodeId];
        var key = ((long)nodeId << 32) | record.Serial;
        _counters.SeqGaps.Add(node.Gaps.Observe(record.Serial, _clock));
        if (unchecked((int)(record.Serial - node.Latest)) > 0 || !node.Seen)
        {
            node.Latest = record.Serial;
            node.Seen = true;
        }

        if (_events.TryGetValue(key, out var pending))
        {
            AddTo(pending, record, raw);
        }
        else if (_recent.Contains(key))
        {
            if (record.Type != RecordTypes.Eoe)
            {
                _counters.LateRecords.Increment();
            }
        }
        else if (record.Type != RecordTypes.Eoe)
        {
            Start(key, node, record, raw);
        }

        if (_mode == ReassemblerMode.Log && (_clock - _lastExpiry >= LogExpiryStep || _records - _lastExpiryRecords >= LogExpiryRecords))
        {
            Expire(_clock);
        }
    }

    /// <summary>Completes what the quiet time or max age allow at <paramref name="now"/> (live mode; logs use record time).</summary>
    public void Tick(long now)
    {
        if (_mode == ReassemblerMode.Live)
        {
            _clock = now;
        }

        Expire(_clock);
    }

    /// <summary>Completes every event held (end of input or stop) and counts still-missing serials as lost.</summary>
    public void Flush()
    {
        while (_oldest is { } oldest)
        {
            Complete(oldest, CompletionReason.EndOfInput);
        }

        foreach (var node in _nodes)
        {
            _counters.SeqGaps.Add(node.Gaps.ExpireAll());
        }
    }

    private void Start(long key, NodeState node, in AuditRecordSpan record, ReadOnlySpan<byte> raw)
    {
        var assembled = new AssembledEvent(record.Serial, node.Name, record.Timestamp, _mode == ReassemblerMode.Log) { LastSeen = _clock, LastSeenRecord = _records, Key = key };
        assembled.Append(record, raw);
        if (RecordTypes.IsStandalone(record.Type))
        {
            _recent.Add(key);
            Emit(assembled, CompletionReason.Standalone);
            return;
        }

        _events.Add(key, assembled);
        _bytes += assembled.Footprint;
        Link(assembled);
        EnforceMemory();
    }

    private void AddTo(AssembledEvent pending, in AuditRecordSpan record, ReadOnlySpan<byte> raw)
    {
        if (record.Type == RecordTypes.Eoe)
        {
            Complete(pending, CompletionReason.EndOfEvent);
            return;
        }

        _bytes -= pending.Footprint;
        pending.Append(record, raw);
        _bytes += pending.Footprint;
        pending.LastSeen = _clock;
        pending.LastSeenRecord = _records;
        Unlink(pending);
        Link(pending);
        if (RecordTypes.IsStandalone(record.Type))
        {
            Complete(pending, CompletionReason.Standalone);
        }
        else if (_mode == ReassemblerMode.Log && record.Type == RecordTypes.Proctitle && pending.HasSyscall)
        {
            Complete(pending, CompletionReason.Proctitle);
        }
        else
        {
            EnforceMemory();
        }
    }

    private void EnforceMemory()
    {
        while (_bytes > _options.MaxBytes && _oldest is { } oldest)
        {
            Complete(oldest, CompletionReason.Memory);
        }
    }

    private void Expire(long now)
    {
        _lastExpiry = now;
        _lastExpiryRecords = _records;
        var candidate = _oldest;
        while (candidate is not null && IsQuiet(candidate, now))
        {
            var next = candidate.Newer;
            var waitsForEoe = _mode == ReassemblerMode.Live && candidate.HasSyscall;
            if (waitsForEoe)
            {
                if (now - candidate.LastSeen >= _maxAge)
                {
                    Complete(candidate, CompletionReason.Age);
                }
            }
            else if (SerialMovedOn(candidate))
            {
                Complete(candidate, CompletionReason.Quiet);
            }

            candidate = next;
        }

        foreach (var node in _nodes)
        {
            _counters.SeqGaps.Add(node.Gaps.Expire(now - _maxAge));
        }
    }

    /// <summary>Events are linked in the order they were last seen, so once one is not quiet, no newer one is.</summary>
    private bool IsQuiet(AssembledEvent assembled, long now) =>
        now - assembled.LastSeen >= _quiet || (_mode == ReassemblerMode.Log && _records - assembled.LastSeenRecord >= LogQuietRecords);

    private bool SerialMovedOn(AssembledEvent assembled) => _nodes[(int)(assembled.Key >> 32)].Latest != assembled.Serial;

    private void Complete(AssembledEvent assembled, CompletionReason reason)
    {
        _events.Remove(assembled.Key);
        _bytes -= assembled.Footprint;
        Unlink(assembled);
        _recent.Add(assembled.Key);
        Emit(assembled, reason);
    }

    private void Emit(AssembledEvent assembled, CompletionReason reason)
    {
        assembled.Completion = reason;
        if (assembled.Incomplete)
        {
            _counters.FlushedIncomplete.Increment();
        }

        _sink.OnEvent(assembled);
    }

    private void Link(AssembledEvent assembled)
    {
        assembled.Older = _newest;
        assembled.Newer = null;
        if (_newest is not null)
        {
            _newest.Newer = assembled;
        }

        _newest = assembled;
        _oldest ??= assembled;
    }

    private void Unlink(AssembledEvent assembled)
    {
        if (assembled.Older is not null)
        {
            assembled.Older.Newer = assembled.Newer;
        }
        else if (_oldest == assembled)
        {
            _oldest = assembled.Newer;
        }

        if (assembled.Newer is not null)
        {
            assembled.Newer.Older = assembled.Older;
        }
        else if (_newest == assembled)
        {
            _newest = assembled.Older;
        }

        assembled.Older = null;
        assembled.Newer = null;
    }

    private int NodeIdOf(ReadOnlySpan<byte> node)
    {
        if (node.IsEmpty)
        {
            return 0;
        }

        for (var i = 1; i < _nodes.Count; i++)
        {
            if (node.SequenceEqual(_nodes[i].Bytes))
            {
                return i;
            }
        }

        _nodes.Add(new NodeState(Encoding.UTF8.GetString(node), node.ToArray()));
        return _nodes.Count - 1;
    }

    private sealed class NodeState(string? name, byte[] bytes)
    {
        public string? Name { get; } = name;

        public byte[] Bytes { get; } = bytes;

        public SerialGapTracker Gaps { get; } = new();

        public uint Latest { get; set; }

        public bool Seen { get; set; }
    }
}
