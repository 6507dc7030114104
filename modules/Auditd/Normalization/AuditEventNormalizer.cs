using System.Text.Json;
using Shipper.Events;
using Shipper.Modules.Auditd.Interpretation;
using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// Turns an assembled event into an Auditbeat-compatible document: <c>event.*</c>, <c>auditd.*</c> (message type,
/// sequence, result, session, data, summary, paths), <c>user.*</c>, <c>process.*</c>, <c>file.*</c>,
/// <c>source</c>/<c>destination</c> with <c>network.direction</c>, <c>related.user</c> and <c>tags</c>; as a tree of
/// maps (<see cref="Normalize"/>) or written straight as JSON (<see cref="WriteJson"/>), the same document either way.
/// Never throws on record content: problems become warnings (<c>error.message</c> with <c>include_warnings</c>).
/// Not thread-safe: use one per thread.
/// </summary>
public sealed class AuditEventNormalizer
{
    private static readonly FieldKey TimestampKey = FieldKey.Of("@timestamp");

    private readonly NormalizerOptions _options;
    private readonly EventCoalescer _coalescer = new();
    private readonly Summarizer _summarizer = new(NormalizationTable.Default);
    private readonly IdentityNamer? _namer;
    private readonly UserFields _users = new();
    private readonly List<string> _names = [];
    private readonly Stack<object> _open = new();
    private readonly FrozenMapJson _frozen = new();
    private readonly CompactJsonBuffer _text = new();

    /// <param name="options">What documents hold.</param>
    public AuditEventNormalizer(NormalizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _namer = options.Identities is { } identities ? new IdentityNamer(identities) : null;
    }

    /// <summary>Builds the document as new maps, which the caller owns. <paramref name="assembled"/> stays owned by the caller.</summary>
    public Event Normalize(AssembledEvent assembled)
    {
        var coalesced = Coalesce(assembled);
        var document = new Event(coalesced.Timestamp.ToDateTimeOffset(), new FieldMap(16));
        var writer = new MapDocumentWriter(document.Fields, _open);
        DocumentBuilder.Build(coalesced, assembled, _options, _users, _names, ref writer);
        return document;
    }

    /// <summary>
    /// Writes the document as one JSON object, byte for byte what <see cref="Normalize"/>'s document writes
    /// (<see cref="Event.WriteJson"/>), without building it. <paramref name="assembled"/> stays owned by the caller.
    /// </summary>
    public void WriteJson(AssembledEvent assembled, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!FrozenMapJson.Matches(json))
        {
            // Another layout or escaping than the compact one the document is written in: as maps, then.
            Normalize(assembled).WriteJson(json);
            return;
        }

        var coalesced = Coalesce(assembled);
        var text = _text;
        text.Reset();
        text.StartObject();
        text.Name(TimestampKey);
        text.Timestamp(coalesced.Timestamp.ToDateTimeOffset());
        var writer = new JsonDocumentWriter(text, _frozen);
        DocumentBuilder.Build(coalesced, assembled, _options, _users, _names, ref writer);
        text.EndObject();
        json.WriteRawValue(text.WrittenSpan, skipInputValidation: true);
    }

    private CoalescedEvent Coalesce(AssembledEvent assembled)
    {
        ArgumentNullException.ThrowIfNull(assembled);
        var coalesced = _coalescer.Coalesce(assembled);
        if (assembled.Incomplete)
        {
            coalesced.Warnings.Add($"incomplete event: flushed before its end ({assembled.Completion.ToString().ToLowerInvariant()})");
        }

        _summarizer.Apply(coalesced);
        EventCoalescer.TakeProcess(coalesced);
        _namer?.Apply(coalesced);
        return coalesced;
    }
}
