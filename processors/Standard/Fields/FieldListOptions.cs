using Shipper.Config;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary><c>drop_fields</c> and <c>include_fields</c> settings.</summary>
internal sealed class FieldListOptions : ProcessorOptions, IValidatable
{
    /// <summary><c>fields</c>: dotted field names. Required.</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary><c>ignore_missing</c>: a field that is not there is not an error. Default false (only drop_fields reads it).</summary>
    public bool IgnoreMissing { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (Fields.Count == 0)
        {
            errors.Add("fields", "is required: a list of at least one field, e.g. [process.args]");
        }
    }
}
