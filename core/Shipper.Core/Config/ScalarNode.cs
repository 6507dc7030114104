using Shipper.Config;

namespace Shipper.Core.Config;

/// <summary>
/// A scalar as written, before any type is chosen: the binder decides what it means. <c>Quoted</c> means written
/// in quotes or tagged <c>!!str</c> (always text, never a number or null); <c>IsNull</c> means a YAML null
/// (<c>~</c>, <c>null</c> or nothing at all).
/// </summary>
internal sealed class ScalarNode(string text, ConfigLocation location, bool quoted, bool isNull) : ConfigNode(location)
{
    public string Text { get; } = text;

    public bool Quoted { get; } = quoted;

    public bool IsNull { get; } = isNull;

    public override string Kind => IsNull ? "nothing" : "a value";

    /// <summary>A plain scalar as parsed from YAML: nulls are recognised by their spelling.</summary>
    public static ScalarNode Plain(string text, ConfigLocation location) =>
        new(text, location, quoted: false, isNull: text is "" or "~" or "null" or "Null" or "NULL");

    /// <summary>A scalar produced by text substitution: never null, even when empty (as Beats).</summary>
    public ScalarNode WithText(string text, ConfigLocation location) => new(text, location, Quoted, isNull: false);
}
