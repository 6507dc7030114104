using Shipper.Config;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary><c>truncate_fields</c> settings.</summary>
internal sealed class TruncateFieldsOptions : ProcessorOptions, IValidatable
{
    /// <summary><c>fields</c>: the text fields to shorten. Required.</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary><c>max_bytes</c>: the most UTF-8 bytes to keep (cut on a character boundary). Set this or <c>max_characters</c>.</summary>
    public int? MaxBytes { get; set; }

    /// <summary><c>max_characters</c>: the most characters to keep. Set this or <c>max_bytes</c>.</summary>
    public int? MaxCharacters { get; set; }

    /// <summary><c>ignore_missing</c>: a missing field is not an error. Default false.</summary>
    public bool IgnoreMissing { get; set; }

    /// <summary><c>fail_on_error</c>: on an error, undo this processor's changes and record it in <c>error.message</c>. Default true.</summary>
    public bool FailOnError { get; set; } = true;

    public void Validate(ValidationErrors errors)
    {
        if (Fields.Count == 0)
        {
            errors.Add("fields", "is required: a list of at least one text field");
        }

        if (MaxBytes is null == MaxCharacters is null)
        {
            errors.Add("max_bytes", "set exactly one of max_bytes and max_characters");
        }
        else if (MaxBytes is < 1 || MaxCharacters is < 1)
        {
            errors.Add(MaxBytes is null ? "max_characters" : "max_bytes", "must be at least 1");
        }
    }
}
