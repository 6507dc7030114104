using Shipper.Events;
using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// Turns an assembled event into an Auditbeat-compatible document: <c>event.*</c>, <c>auditd.*</c> (message type,
/// sequence, result, session, data, summary, paths), <c>user.*</c>, <c>process.*</c>, <c>file.*</c>,
/// <c>source</c>/<c>destination</c> with <c>network.direction</c>, <c>related.user</c> and <c>tags</c>.
/// Never throws on record content: problems become warnings (<c>error.message</c> with <c>include_warnings</c>).
/// Not thread-safe: use one per thread.
/// </summary>
public sealed class AuditEventNormalizer
{
    private readonly NormalizerOptions _options;
    private readonly EventCoalescer _coalescer = new();
    private readonly Summarizer _summarizer = new(NormalizationTable.Default);
    private readonly IdentityNamer? _namer;
    private readonly DocumentParts _parts;
    private readonly UserFields _users = new();

    /// <param name="options">What documents hold.</param>
    /// <param name="reuseDocuments">
    /// Build documents from reused maps and lists, for a caller that writes each document and forgets it: it must
    /// give every document back with <see cref="Recycle"/> before asking for the next one.
    /// </param>
    public AuditEventNormalizer(NormalizerOptions options, bool reuseDocuments = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _namer = options.Identities is { } identities ? new IdentityNamer(identities) : null;
        _parts = new DocumentParts(reuseDocuments);
    }

    /// <summary>Builds the document. <paramref name="assembled"/> stays owned by the caller.</summary>
    public Event Normalize(AssembledEvent assembled)
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
        var document = new Event(coalesced.Timestamp.ToDateTimeOffset(), _parts.Map(12));
        DocumentBuilder.Build(coalesced, assembled, _options, _parts, _users, document.Fields);
        if (assembled.Node is { } node)
        {
            document.Fields.Put("host.name", node);
        }

        if (assembled.Incomplete)
        {
            document.Fields.Put("tags", AddTag(document.Fields.GetValueOrDefault("tags"), "auditd_incomplete"));
        }

        return document;
    }

    /// <summary>
    /// Takes back a written document's maps and lists when documents are reused (nothing of it may be used
    /// afterwards); does nothing otherwise.
    /// </summary>
    public void Recycle(Event document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _parts.Recycle(document.Fields);
    }

    private static List<object?> AddTag(object? tags, string tag)
    {
        var list = tags as List<object?> ?? [];
        list.Add(tag);
        return list;
    }
}
