using Shipper.Config;

namespace Shipper.Core.Config;

/// <summary>A sequence of nodes.</summary>
internal sealed class ListNode(ConfigLocation location) : ConfigNode(location)
{
    public List<ConfigNode> Items { get; } = [];

    public override string Kind => "a list";
}
