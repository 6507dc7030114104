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

    public AuditEventNormalizer(NormalizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _namer = options.Identities is { } identities ? new IdentityNamer(identities) : null;
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
        var document = DocumentBuilder.Build(coalesced, assembled, _options);
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

    private static List<object?> AddTag(object? tags, string tag)
    {
        var list = tags as List<object?> ?? [];
        list.Add(tag);
        return list;
    }
}
