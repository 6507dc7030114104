using Shipper.Config;

namespace Shipper.Outputs.Console;

/// <summary><c>output.console.*</c>.</summary>
public sealed class ConsoleOutputOptions : IValidatable
{
    /// <summary><c>pretty</c>: indented JSON, one event spanning several lines. Default false (one event per line).</summary>
    public bool Pretty { get; set; }

    /// <summary><c>codec.*</c>: the Beats spelling of the same setting (<c>codec.json.pretty</c>).</summary>
    public ConsoleCodecOptions Codec { get; set; } = new();

    /// <summary><c>bulk_max_size</c>: the largest batch written at once. Default 2048, as Beats.</summary>
    public int BulkMaxSize { get; set; } = 2048;

    /// <summary>True when either spelling asks for indented output.</summary>
    public bool Indented => Pretty || Codec.Json.Pretty;

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.InRange("bulk_max_size", BulkMaxSize, 1, 1_000_000);
    }
}

/// <summary><c>codec.*</c>.</summary>
public sealed class ConsoleCodecOptions
{
    /// <summary><c>codec.json.*</c>.</summary>
    public ConsoleJsonCodecOptions Json { get; set; } = new();
}

/// <summary><c>codec.json.*</c>.</summary>
public sealed class ConsoleJsonCodecOptions
{
    /// <summary><c>codec.json.pretty</c>. Default false.</summary>
    public bool Pretty { get; set; }
}
