using Shipper.Config;

namespace Shipper.Processors.Standard.Flow;

/// <summary>A conditional block: <c>- if: {condition}</c> with <c>then: [...]</c> and optionally <c>else: [...]</c>.</summary>
internal sealed class IfOptions
{
    public IConfigSection? If { get; set; }

    public IConfigSection? Then { get; set; }

    public IConfigSection? Else { get; set; }
}
