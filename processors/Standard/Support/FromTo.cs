using Shipper.Config;

namespace Shipper.Processors.Standard.Support;

/// <summary>One <c>{from: a, to: b}</c> item of <c>rename</c> and <c>copy_fields</c>.</summary>
public sealed class FromTo : IValidatable
{
    /// <summary><c>from</c>: the field to read. Required.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary><c>to</c>: the field to write. Required.</summary>
    public string To { get; set; } = string.Empty;

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (FieldPath.TryParse(From) is null)
        {
            errors.Add("from", "is required: the field to read, e.g. process.name");
        }

        if (FieldPath.TryParse(To) is null)
        {
            errors.Add("to", "is required: the field to write, e.g. process.title");
        }
    }
}
