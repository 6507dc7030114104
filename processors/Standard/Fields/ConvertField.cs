using Shipper.Config;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>One <c>{from, to, type}</c> item of <c>convert</c>.</summary>
internal sealed class ConvertField : IValidatable
{
    /// <summary><c>from</c>: the field to convert. Required.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary><c>to</c>: where the result goes. Default: <c>from</c> itself.</summary>
    public string? To { get; set; }

    /// <summary><c>type</c>: integer, long, float, double, string, boolean or ip. Without it the value is copied (or moved) as it is.</summary>
    public ConvertType? Type { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (FieldPath.TryParse(From) is null)
        {
            errors.Add("from", "is required: the field to convert, e.g. http.response.status_code");
        }
    }
}
