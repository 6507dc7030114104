using Shipper.Config;

namespace Shipper.Core.Config;

/// <summary>One node of the configuration tree: a map, a list or a scalar, remembering where it was written.</summary>
internal abstract class ConfigNode(ConfigLocation location)
{
    public ConfigLocation Location { get; } = location;

    /// <summary>A short word for messages: "a map", "a list", "a value".</summary>
    public abstract string Kind { get; }
}
