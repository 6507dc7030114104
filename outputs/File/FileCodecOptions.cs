namespace Shipper.Outputs.File;

/// <summary><c>output.file.codec.*</c>: only the JSON codec exists.</summary>
public sealed class FileCodecOptions
{
    /// <summary><c>codec.json.*</c>.</summary>
    public JsonCodecOptions Json { get; set; } = new();
}
