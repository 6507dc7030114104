using Shipper.Events;
using Shipper.Processors;

namespace Shipper.Outputs.Elasticsearch.Routing;

/// <summary>A compiled <c>indices</c> entry: a format, an optional condition and an optional mapping table.</summary>
internal sealed class IndexRule(FormatString format, ICondition? when, IReadOnlyDictionary<string, string>? mappings, string? fallback)
{
    /// <summary>The index for <paramref name="e"/>, or null when this rule does not apply.</summary>
    public string? Select(Event e)
    {
        if (when is not null && !when.Matches(e))
        {
            return null;
        }

        if (!format.TryRender(e, out var name, out _))
        {
            return null;
        }

        if (mappings is null)
        {
            return name;
        }

        return mappings.TryGetValue(name, out var mapped) ? mapped : fallback;
    }
}
