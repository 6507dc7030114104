using System.Buffers;
using Shipper.Modules.Auditd.Parsing;

namespace Shipper.Modules.Auditd.Reassembly;

/// <summary>
/// The records of one event (same serial, same node), in arrival order, copied into one pooled buffer.
/// Records keep their raw text (the audit.log line, or the netlink payload) and where the body starts.
/// Not thread-safe; owned by one stage at a time. <see cref="Dispose"/> returns the buffers to the pool.
/// </summary>
public sealed class AssembledEvent : IDisposable
{
    private const int InitialBytes = 1024;
    private const int InitialRecords = 8;

    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(InitialBytes);
    private RecordSlot[] _records = ArrayPool<RecordSlot>.Shared.Rent(InitialRecords);
    private int _length;

    internal AssembledEvent(uint serial, string? node, AuditTimestamp timestamp, bool fromLog)
    {
        Serial = serial;
        Node = node;
        Timestamp = timestamp;
        FromLog = fromLog;
    }

    /// <summary>The serial shared by the records.</summary>
    public uint Serial { get; }

    /// <summary>The <c>node=</c> of the records, or null.</summary>
    public string? Node { get; }

    /// <summary>The first record's time.</summary>
    public AuditTimestamp Timestamp { get; }

    /// <summary>True when the raw text is an audit.log line (with <c>type=… msg=</c>), false for netlink payloads.</summary>
    public bool FromLog { get; }

    /// <summary>Why the event was completed.</summary>
    public CompletionReason Completion { get; internal set; }

    /// <summary>True when it was flushed before its end was seen (age, memory, or input end for a syscall event).</summary>
    public bool Incomplete => Completion is CompletionReason.Age or CompletionReason.Memory
        || (Completion == CompletionReason.EndOfInput && HasSyscall && !FromLog);

    /// <summary>How many records it holds (EOE included when it arrived).</summary>
    public int Count { get; private set; }

    /// <summary>Whether a SYSCALL record is among them.</summary>
    public bool HasSyscall { get; private set; }

    /// <summary>Bytes held, for the reassembler's memory bound.</summary>
    internal long Footprint => _bytes.Length + (_records.Length * 16) + 128;

    internal long LastSeen { get; set; }

    /// <summary>How many records the reassembler had read when it last added one to this event.</summary>
    internal long LastSeenRecord { get; set; }

    internal long Key { get; init; }

    internal AssembledEvent? Older { get; set; }

    internal AssembledEvent? Newer { get; set; }

    /// <summary>The type of record <paramref name="index"/>.</summary>
    public ushort TypeAt(int index) => Slot(index).Type;

    /// <summary>The raw text of record <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> RawAt(int index)
    {
        var slot = Slot(index);
        return _bytes.AsSpan(slot.Offset, slot.Length);
    }

    /// <summary>The <c>key=value</c> body of record <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> BodyAt(int index)
    {
        var slot = Slot(index);
        return _bytes.AsSpan(slot.Offset + slot.BodyStart, slot.BodyLength);
    }

    /// <summary>auditd's enriched section of record <paramref name="index"/>; empty when none.</summary>
    public ReadOnlySpan<byte> EnrichmentAt(int index)
    {
        var slot = Slot(index);
        return slot.EnrichmentStart < 0 ? default : _bytes.AsSpan(slot.Offset + slot.EnrichmentStart, slot.Length - slot.EnrichmentStart);
    }

    /// <summary>Returns the buffers to the pool; the event must not be used afterwards.</summary>
    public void Dispose()
    {
        var bytes = Interlocked.Exchange(ref _bytes, []);
        if (bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<RecordSlot>.Shared.Return(_records);
            _records = [];
        }
    }

    /// <summary>Copies a record in. <paramref name="raw"/> must contain <paramref name="record"/>'s body and enrichment spans.</summary>
    internal void Append(in AuditRecordSpan record, ReadOnlySpan<byte> raw)
    {
        if (_length + raw.Length > _bytes.Length)
        {
            Grow(ref _bytes, Math.Max(_bytes.Length * 2, _length + raw.Length), _length);
        }

        if (Count == _records.Length)
        {
            Grow(ref _records, _records.Length * 2, Count);
        }

        raw.CopyTo(_bytes.AsSpan(_length));
        var bodyStart = OffsetIn(raw, record.Body);
        var enrichmentStart = record.Enrichment.IsEmpty ? -1 : OffsetIn(raw, record.Enrichment);
        _records[Count++] = new RecordSlot(record.Type, _length, raw.Length, bodyStart, record.Body.Length, enrichmentStart);
        _length += raw.Length;
        HasSyscall |= record.Type == RecordTypes.Syscall;
    }

    private static int OffsetIn(ReadOnlySpan<byte> outer, ReadOnlySpan<byte> inner)
    {
        if (inner.IsEmpty)
        {
            return outer.Length;
        }

        _ = outer.Overlaps(inner, out var offset);
        return offset;
    }

    private static void Grow<T>(ref T[] array, int size, int used)
    {
        var bigger = ArrayPool<T>.Shared.Rent(size);
        array.AsSpan(0, used).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(array);
        array = bigger;
    }

    private RecordSlot Slot(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return _records[index];
    }

    internal readonly record struct RecordSlot(ushort Type, int Offset, int Length, int BodyStart, int BodyLength, int EnrichmentStart);
}
