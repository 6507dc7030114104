using System.Text.Json.Nodes;
using Shipper.Events;
using Shipper.Outputs.Elasticsearch.Options;
using Shipper.Outputs.Elasticsearch.Routing;

namespace Shipper.Outputs.Elasticsearch.Template;

/// <summary>
/// The composable index template (<c>PUT _index_template/NAME</c>) for shipper indices: explicit mappings for every
/// field in <see cref="FieldTypes"/> (ids as keyword, ports and pids as long, <c>@timestamp</c> as date, addresses
/// as ip) and a dynamic template that maps any other string as keyword, so <c>auditd.data.*</c> keys the kernel
/// adds later stay searchable without mapping explosions into text fields.
/// </summary>
internal sealed class IndexTemplate
{
    private IndexTemplate(string name, string pattern, JsonObject body)
    {
        Name = name;
        Pattern = pattern;
        Body = body;
    }

    public string Name { get; }

    public string Pattern { get; }

    public JsonObject Body { get; }

    public static IndexTemplate Create(TemplateOptions options, string agentVersion)
    {
        ArgumentNullException.ThrowIfNull(options);
        var agent = new Event(DateTimeOffset.UnixEpoch);
        agent.Fields.Put("agent.version", agentVersion);
        agent.Fields.Put("agent.type", "shipper");
        var name = Render(options.Name, agent, "setup.template.name");
        var pattern = Render(options.Pattern, agent, "setup.template.pattern");
        var settings = new JsonObject();
        foreach (var (key, value) in options.Settings.Index)
        {
            settings[key] = value;
        }

        var body = new JsonObject
        {
            ["index_patterns"] = new JsonArray(pattern),
            ["priority"] = options.Priority,
            ["template"] = new JsonObject
            {
                ["settings"] = new JsonObject { ["index"] = settings },
                ["mappings"] = Mappings(),
            },
            ["_meta"] = new JsonObject
            {
                ["description"] = "Shipper events (auditd module and ECS fields)",
                ["version"] = agentVersion,
            },
        };
        return new IndexTemplate(name, pattern, body);
    }

    public string ToJson() => Body.ToJsonString();

    /// <summary>The <c>mappings</c> object; throws when the field list makes a field both a value and an object.</summary>
    internal static JsonObject Mappings()
    {
        var properties = new JsonObject();
        foreach (var (path, type) in FieldTypes.All)
        {
            Add(properties, path, type);
        }

        return new JsonObject
        {
            ["dynamic_templates"] = new JsonArray(new JsonObject
            {
                ["strings_as_keyword"] = new JsonObject
                {
                    ["match_mapping_type"] = "string",
                    ["mapping"] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 1024 },
                },
            }),
            ["properties"] = properties,
        };
    }

    private static void Add(JsonObject properties, string path, string type)
    {
        var parts = path.Split('.');
        var level = properties;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (level[parts[i]] is not JsonObject parent)
            {
                parent = new JsonObject { ["properties"] = new JsonObject() };
                level[parts[i]] = parent;
            }

            level = parent["properties"] as JsonObject
                ?? throw new InvalidOperationException($"field '{path}' is below '{string.Join('.', parts[..(i + 1)])}', which is mapped as a value");
        }

        if (level[parts[^1]] is not null)
        {
            throw new InvalidOperationException($"field '{path}' is listed twice or is also an object");
        }

        level[parts[^1]] = Leaf(type);
    }

    private static JsonObject Leaf(string type) => type switch
    {
        "keyword" => new JsonObject { ["type"] = "keyword", ["ignore_above"] = 1024 },
        "object" => new JsonObject { ["type"] = "object" },
        _ => new JsonObject { ["type"] = type },
    };

    private static string Render(string format, Event agent, string key)
    {
        if (!FormatString.TryParse(format, out var parsed, out var error) || !parsed.TryRender(agent, out var text, out var missing))
        {
            throw new Config.ConfigException($"'{format}' cannot be rendered: {error ?? "unknown field"}", key);
        }

        _ = missing;
        return text.ToLowerInvariant();
    }
}
