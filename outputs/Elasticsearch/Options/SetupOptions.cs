namespace Shipper.Outputs.Elasticsearch.Options;

/// <summary>The top-level <c>setup.*</c> block: index management.</summary>
public sealed class SetupOptions
{
    /// <summary><c>setup.template.*</c>.</summary>
    public TemplateOptions Template { get; set; } = new();
}

/// <summary><c>setup.template.*</c>: the index template installed on first connect and by <c>shipper setup --index-management</c>.</summary>
public sealed class TemplateOptions
{
    /// <summary><c>enabled</c>: install the template on first connect. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>name</c>: the template's name (format string over agent fields). Default <c>shipper-%{[agent.version]}</c>.</summary>
    public string Name { get; set; } = "shipper-%{[agent.version]}";

    /// <summary><c>pattern</c>: the index pattern it applies to. Default <c>shipper-%{[agent.version]}-*</c>.</summary>
    public string Pattern { get; set; } = "shipper-%{[agent.version]}-*";

    /// <summary><c>overwrite</c>: replace an existing template of the same name. Default false.</summary>
    public bool Overwrite { get; set; }

    /// <summary><c>priority</c>: the composable template's priority. Default 150.</summary>
    public int Priority { get; set; } = 150;

    /// <summary><c>settings.index.*</c> of the template, such as <c>number_of_shards</c>.</summary>
    public TemplateSettingsOptions Settings { get; set; } = new();
}

/// <summary><c>setup.template.settings.*</c>.</summary>
public sealed class TemplateSettingsOptions
{
    /// <summary><c>index</c>: index settings, e.g. <c>number_of_shards: 1</c>. Values are sent as strings.</summary>
    public Dictionary<string, string> Index { get; set; } = [];
}
