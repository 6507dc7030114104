namespace Shipper.Cli.CommandLine;

/// <summary>The parsed command line.</summary>
internal sealed record CliArguments
{
    /// <summary>The command's words and its remaining arguments, in order (e.g. <c>test config</c>, <c>replay a.log</c>).</summary>
    public List<string> Words { get; } = [];

    /// <summary><c>-c FILE</c>, repeatable, merged in order.</summary>
    public List<string> ConfigFiles { get; } = [];

    /// <summary><c>-E key=value</c>, repeatable.</summary>
    public List<string> Overrides { get; } = [];

    /// <summary><c>--path.home</c> and friends, by the part after <c>path.</c>.</summary>
    public Dictionary<string, string> Paths { get; } = new(StringComparer.Ordinal);

    /// <summary><c>--strict.perms</c>. Default true.</summary>
    public bool StrictPermissions { get; set; } = true;

    /// <summary><c>-e</c>: log to stderr, never to files.</summary>
    public bool LogToStderr { get; set; }

    /// <summary><c>-d SELECTORS</c>: debug logging for these comma-separated selectors.</summary>
    public List<string> DebugSelectors { get; } = [];

    /// <summary><c>-h</c>/<c>--help</c>.</summary>
    public bool Help { get; set; }
}
