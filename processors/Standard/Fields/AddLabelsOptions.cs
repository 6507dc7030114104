using Shipper.Config;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary><c>add_labels</c> settings.</summary>
internal sealed class AddLabelsOptions : ProcessorOptions, IValidatable
{
    /// <summary><c>labels</c>: the labels to add under <c>labels</c>; nested objects and lists are flattened to dotted keys. Required.</summary>
    public FieldMap? Labels { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (Labels is not { Count: > 0 })
        {
            errors.Add("labels", "is required: the labels to add, e.g. labels: {env: production}");
        }
    }
}
