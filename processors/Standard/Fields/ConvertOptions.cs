using Shipper.Config;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary><c>convert</c> settings.</summary>
internal sealed class ConvertOptions : ProcessorOptions, IValidatable
{
    /// <summary><c>fields</c>: <c>{from, to, type}</c> items. Required.</summary>
    public List<ConvertField> Fields { get; set; } = [];

    /// <summary><c>ignore_missing</c>: a missing field is not an error. Default false.</summary>
    public bool IgnoreMissing { get; set; }

    /// <summary><c>fail_on_error</c>: when any field fails, change nothing and record the error in <c>error.message</c>. Default true.</summary>
    public bool FailOnError { get; set; } = true;

    /// <summary><c>mode</c>: <c>copy</c> keeps <c>from</c> when <c>to</c> differs, <c>rename</c> removes it. Default copy.</summary>
    public ConvertMode Mode { get; set; } = ConvertMode.Copy;

    /// <summary><c>tag</c>: a name for this processor in error messages. Optional.</summary>
    public string? Tag { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (Fields.Count == 0)
        {
            errors.Add("fields", "is required: a list of {from: a, type: integer} items");
        }
    }
}
