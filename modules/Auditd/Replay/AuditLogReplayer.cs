using Shipper.Events;
using Shipper.Modules.Auditd.Normalization;
using Shipper.Modules.Auditd.Parsing;
using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Replay;

/// <summary>
/// The offline event stream: audit.log lines (raw or enriched) through the same parser, reassembler (log mode, so
/// completion does not depend on EOE records auditd never writes) and normaliser as live events. Lines that are not
/// records are counted and skipped. Not thread-safe.
/// </summary>
public sealed class AuditLogReplayer : IAssembledEventSink
{
    private readonly Reassembler _reassembler;
    private readonly AuditEventNormalizer _normalizer;
    private readonly Action<Event> _publish;

    /// <param name="reassembler">Reassembler bounds.</param>
    /// <param name="normalizer">What documents hold.</param>
    /// <param name="publish">Receives each document.</param>
    /// <param name="counters">Where gaps and forced flushes are counted (new ones when null).</param>
    /// <param name="writeOnly">
    /// <paramref name="publish"/> writes each document and keeps nothing of it, so its maps and lists are reused for
    /// the next one (<c>replay --stdout</c>).
    /// </param>
    public AuditLogReplayer(ReassemblerOptions reassembler, NormalizerOptions normalizer, Action<Event> publish, ReassemblerCounters? counters = null, bool writeOnly = false)
    {
        _publish = publish;
        Counters = counters ?? new ReassemblerCounters();
        _reassembler = new Reassembler(reassembler, ReassemblerMode.Log, this, Counters);
        _normalizer = new AuditEventNormalizer(normalizer, writeOnly);
    }

    /// <summary>Gaps, incomplete flushes, late and malformed records.</summary>
    public ReassemblerCounters Counters { get; }

    /// <summary>Records read.</summary>
    public long Records { get; private set; }

    /// <summary>Lines that were not audit records (blank lines not counted).</summary>
    public long Skipped { get; private set; }

    /// <summary>Documents published.</summary>
    public long Events { get; private set; }

    /// <summary>Reads one line.</summary>
    public void Feed(ReadOnlySpan<byte> line)
    {
        switch (AuditRecordParser.ParseLogLine(line, out var record))
        {
            case RecordParseStatus.Ok:
                Records++;
                _reassembler.Add(record, line, 0);
                break;
            case RecordParseStatus.Empty:
                break;
            default:
                Skipped++;
                Counters.Malformed.Increment();
                break;
        }
    }

    /// <summary>Reads every line of <paramref name="stream"/>.</summary>
    public void Feed(Stream stream, CancellationToken cancellationToken = default) => LogLineReader.ReadLines(stream, Feed, cancellationToken);

    /// <summary>End of input: completes every event still held.</summary>
    public void Finish() => _reassembler.Flush();

    void IAssembledEventSink.OnEvent(AssembledEvent assembled)
    {
        using (assembled)
        {
            var document = _normalizer.Normalize(assembled);
            Events++;
            _publish(document);
            _normalizer.Recycle(document);
        }
    }
}
