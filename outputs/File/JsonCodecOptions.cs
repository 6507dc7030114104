namespace Shipper.Outputs.File;

/// <summary><c>output.file.codec.json.*</c>: how each event is written.</summary>
public sealed class JsonCodecOptions
{
    /// <summary>
    /// <c>codec.json.pretty</c>: indent each event over several lines. Default false (one event per line,
    /// NDJSON); events still end with a newline and never straddle two files.
    /// </summary>
    public bool Pretty { get; set; }

    /// <summary><c>codec.json.escape_html</c>: escape <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> in strings. Default false.</summary>
    public bool EscapeHtml { get; set; }
}
