namespace Shipper.Config;

/// <summary>Where a configuration value was written: a file (or <c>-E</c> flag) and a 1-based line and column.</summary>
/// <param name="Source">A file path, or a description such as <c>-E flag</c> or <c>defaults</c>.</param>
/// <param name="Line">1-based line; 0 when the source has no lines.</param>
/// <param name="Column">1-based column; 0 when the source has no columns.</param>
public readonly record struct ConfigLocation(string Source, int Line, int Column)
{
    /// <summary>A location for values that come from no file (built-in defaults).</summary>
    public static ConfigLocation None { get; } = new("defaults", 0, 0);

    /// <summary>Formats as <c>file:line:column</c>, the form editors and compilers use.</summary>
    public override string ToString() => Line > 0 ? $"{Source}:{Line}:{Column}" : Source;
}
