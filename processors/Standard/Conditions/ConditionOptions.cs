using Shipper.Config;
using Shipper.Events;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>A <c>when</c> block as written; exactly one key may be set.</summary>
internal sealed class ConditionOptions
{
    [ConfigKey("equals")]
    public FieldMap? EqualsFields { get; set; }

    public FieldMap? Contains { get; set; }

    public FieldMap? Regexp { get; set; }

    public FieldMap? Range { get; set; }

    public FieldMap? Network { get; set; }

    public List<string>? HasFields { get; set; }

    public List<IConfigSection>? And { get; set; }

    public List<IConfigSection>? Or { get; set; }

    public IConfigSection? Not { get; set; }
}
