using Shipper.Config;

namespace Shipper.Core.Tests.Config;

public sealed class SampleChild : IValidatable
{
    public int Size { get; set; } = 1;

    public string? Label { get; set; }

    public void Validate(ValidationErrors errors) => errors.InRange("size", Size, 1, 10);
}
