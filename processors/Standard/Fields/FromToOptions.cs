using Shipper.Config;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary><c>rename</c> and <c>copy_fields</c> settings.</summary>
internal sealed class FromToOptions : ProcessorOptions, IValidatable
{
    /// <summary><c>fields</c>: <c>{from, to}</c> pairs, applied in order. Required.</summary>
    public List<FromTo> Fields { get; set; } = [];

    /// <summary><c>ignore_missing</c>: a missing <c>from</c> field is skipped without an error. Default false.</summary>
    public bool IgnoreMissing { get; set; }

    /// <summary>
    /// <c>fail_on_error</c>: on an error, undo this processor's changes to the event and record the error in
    /// <c>error.message</c>. When false, the failed pair is skipped and the others still apply. Default true.
    /// </summary>
    public bool FailOnError { get; set; } = true;

    public void Validate(ValidationErrors errors)
    {
        if (Fields.Count == 0)
        {
            errors.Add("fields", "is required: a list of {from: a, to: b} pairs");
        }
    }
}
