using System.Collections;
using Shipper.Events;

namespace Shipper.Core.Pipeline;

/// <summary>Adds a fixed set of fields, tags and <c>@metadata.index</c> to events (client, built-in or global).</summary>
internal sealed class FieldEnricher
{
    private readonly FieldMap? _fields;
    private readonly string[] _tags;
    private readonly string? _index;

    private FieldEnricher(FieldMap? fields, string[] tags, string? index)
    {
        _fields = fields;
        _tags = tags;
        _index = index;
    }

    public bool IsEmpty => _fields is null && _tags.Length == 0 && _index is null;

    /// <summary>Fields go under <c>fields</c> unless <paramref name="underRoot"/>, as Beats' <c>fields_under_root</c>.</summary>
    public static FieldEnricher Create(FieldMap? fields, bool underRoot, IReadOnlyList<string> tags, string? index = null)
    {
        FieldMap? effective = null;
        if (fields is { Count: > 0 })
        {
            effective = underRoot ? fields.Clone() : new FieldMap(1).Add("fields", fields.Clone());
        }

        return new FieldEnricher(effective?.Freeze(), [.. tags], string.IsNullOrEmpty(index) ? null : index);
    }

    /// <summary>The fields every event gets from the agent: <c>agent.*</c>, <c>ecs.version</c>, <c>host.name</c>.</summary>
    public static FieldEnricher BuiltIn(Shipper.Hosting.AgentInfo agent)
    {
        var fields = new FieldMap(3)
            .Add("agent", new FieldMap(5)
                .Add("name", agent.Name)
                .Add("type", agent.Type)
                .Add("version", agent.Version)
                .Add("id", agent.Id.ToString())
                .Add("ephemeral_id", agent.EphemeralId.ToString()))
            .Add("ecs", new FieldMap(1).Add("version", "8.0.0"))
            .Add("host", new FieldMap(1).Add("name", agent.Hostname));
        return new FieldEnricher(fields.Freeze(), [], null);
    }

    public void Apply(Event @event)
    {
        if (_fields is not null)
        {
            // The maps are frozen: DeepUpdate shares them, and copies one only when an event changes it.
            @event.Fields.DeepUpdate(_fields);
        }

        if (_tags.Length > 0)
        {
            AddTags(@event.Fields, _tags);
        }

        if (_index is not null)
        {
            @event.Metadata["index"] = _index;
        }
    }

    private static void AddTags(FieldMap fields, string[] tags)
    {
        var list = fields.TryGetValue("tags", out var existing) ? AsTagList(existing) : new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            if (!list.Contains(tag))
            {
                list.Add(tag);
            }
        }

        fields["tags"] = list;
    }

    private static List<string> AsTagList(object? existing) => existing switch
    {
        List<string> list => list,
        string single => [single],
        IEnumerable sequence => [.. sequence.Cast<object?>().Select(o => o?.ToString() ?? string.Empty)],
        null => [],
        _ => [existing.ToString() ?? string.Empty],
    };
}
