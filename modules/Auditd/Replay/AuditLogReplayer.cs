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
    private readonly Action<Event>? _publish;
    private readonly NdjsonEventWriter? _lines;

    /// <summary>Publishes each document, built as maps, to <paramref name="publish"/>.</summary>
    /// <param name="reassembler">Reassembler bounds.</param>
    /// <param name="normalizer">What documents hold.</param>
    /// <param name="publish">Receives each document.</param>
    /// <param name="counters">Where gaps and forced flushes are counted (new ones when null).</param>
    public AuditLogReplayer(ReassemblerOptions reassembler, NormalizerOptions normalizer, Action<Event> publish, ReassemblerCounters? counters = null)
        : this(reassembler, normalizer, counters)
    {
        ArgumentNullException.ThrowIfNull(publish);
        _publish = publish;
    }

    /// <summary>
    /// Writes each document straight to <paramref name="lines"/> as a line of JSON, with no maps in between
    /// (<c>replay --stdout</c>): the same bytes as the document built as maps.
    /// </summary>
    public AuditLogReplayer(ReassemblerOptions reassembler, NormalizerOptions normalizer, NdjsonEventWriter lines, ReassemblerCounters? counters = null)
        : this(reassembler, normalizer, counters)
    {
        ArgumentNullException.ThrowIfNull(lines);
        _lines = lines;
    }

    private AuditLogReplayer(ReassemblerOptions reassembler, NormalizerOptions normalizer, ReassemblerCounters? counters)
    {
        Counters = counters ?? new ReassemblerCounters();
        _reassembler = new Reassembler(reassembler, ReassemblerMode.Log, this, Counters);
        _normalizer = new AuditEventNormalizer(normalizer);
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
            Events++;
            if (_lines is not null)
            {
                _normalizer.WriteJson(assembled, _lines.StartLine());
                _lines.EndLine();
            }
            else
            {
                _publish!(_normalizer.Normalize(assembled));
            }
        }
    }
}
