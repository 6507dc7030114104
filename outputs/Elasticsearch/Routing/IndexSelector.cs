using System.Diagnostics.CodeAnalysis;
using Shipper.Events;

namespace Shipper.Outputs.Elasticsearch.Routing;

/// <summary>
/// Chooses each event's index and ingest pipeline: <c>@metadata.index</c> first (set by a module's
/// <c>index</c> setting), then the first matching <c>indices</c> rule, then <c>index</c>. Names are lowercased
/// because Elasticsearch refuses upper-case index names. Thread-safe.
/// </summary>
internal sealed class IndexSelector(IReadOnlyList<IndexRule> rules, FormatString index, FormatString? pipeline)
{
    /// <summary>The index for <paramref name="e"/>; false with a reason when the format cannot be rendered.</summary>
    public bool TrySelectIndex(Event e, [NotNullWhen(true)] out string? name, [NotNullWhen(false)] out string? error)
    {
        if (e.Metadata.GetValueOrDefault("index") is string fromMetadata && fromMetadata.Length > 0)
        {
            return Done(fromMetadata, out name, out error);
        }

        foreach (var rule in rules)
        {
            if (rule.Select(e) is { } selected)
            {
                return Done(selected, out name, out error);
            }
        }

        if (!index.TryRender(e, out var rendered, out var missing))
        {
            name = null;
            error = $"cannot name the index: field '{missing}' of index format '{index.Text}' is missing";
            return false;
        }

        return Done(rendered, out name, out error);
    }

    /// <summary>The ingest pipeline for <paramref name="e"/>, or null for none.</summary>
    public string? SelectPipeline(Event e)
    {
        if (e.Metadata.GetValueOrDefault("pipeline") is string fromMetadata && fromMetadata.Length > 0)
        {
            return fromMetadata.ToLowerInvariant();
        }

        return pipeline is not null && pipeline.TryRender(e, out var rendered, out _) && rendered.Length > 0
            ? rendered.ToLowerInvariant()
            : null;
    }

    private static bool Done(string selected, out string name, out string? error)
    {
        name = selected.ToLowerInvariant();
        error = null;
        return true;
    }
}
