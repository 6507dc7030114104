using Shipper.Config;

namespace Shipper.Outputs.Elasticsearch.Options;

/// <summary>One entry of <c>indices</c>: an index (format string) used when the <c>when</c> condition matches.</summary>
public sealed class IndexRuleOptions
{
    /// <summary><c>index</c>: a format string; required.</summary>
    public string? Index { get; set; }

    /// <summary><c>when</c>: a condition (as processors take); without it the rule always matches.</summary>
    public IConfigSection? When { get; set; }

    /// <summary><c>mappings</c>: when set, the rendered <see cref="Index"/> is looked up here and replaced.</summary>
    public Dictionary<string, string>? Mappings { get; set; }

    /// <summary><c>default</c>: the index when <see cref="Mappings"/> has no entry; without it the rule does not match.</summary>
    public string? Default { get; set; }
}
