using Shipper.Config;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary><c>add_fields</c> settings.</summary>
internal sealed class AddFieldsOptions : ProcessorOptions, IValidatable
{
    /// <summary><c>target</c>: where the fields go. Default <c>fields</c>; an empty string means the top of the event; <c>@metadata</c> the metadata.</summary>
    public string Target { get; set; } = "fields";

    /// <summary><c>fields</c>: the fields to add (overwriting what is there). Required.</summary>
    public FieldMap? Fields { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (Fields is not { Count: > 0 })
        {
            errors.Add("fields", "is required: the fields to add, e.g. fields: {project: x}");
        }
    }
}
