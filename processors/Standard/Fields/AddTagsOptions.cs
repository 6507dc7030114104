using Shipper.Config;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary><c>add_tags</c> settings.</summary>
internal sealed class AddTagsOptions : ProcessorOptions, IValidatable
{
    /// <summary><c>tags</c>: the tags to add. Required.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary><c>target</c>: the list field the tags go to. Default <c>tags</c>.</summary>
    public string Target { get; set; } = "tags";

    public void Validate(ValidationErrors errors)
    {
        if (Tags.Count == 0)
        {
            errors.Add("tags", "is required: a list of at least one tag");
        }
    }
}
