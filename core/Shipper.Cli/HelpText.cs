using Shipper.Commands;

namespace Shipper.Cli;

/// <summary>The text of <c>shipper --help</c> and of each built-in command's <c>--help</c>.</summary>
internal static class HelpText
{
    public const string GlobalFlags = """
        Flags (anywhere on the line):
          -c FILE                 configuration file; repeat to merge several, later wins (default: ${path.config}/shipper.yml)
          -E key=value            override a setting, e.g. -E output.console.pretty=true or -E shipper.modules.0.rate_limit=100
          -e                      log to stderr only (never to files)
          -d SELECTORS            debug logging for these comma-separated logger names ('*' for all)
          --path.home DIR         installation folder (holds modules/, outputs/, processors/)
          --path.config DIR       configuration folder (default: the first -c file's folder)
          --path.data DIR         state folder (default: ${path.home}/data)
          --path.logs DIR         log folder (default: ${path.home}/logs)
          --strict.perms=false    accept config files writable by group/others or owned by another user
          -h, --help              this help; 'shipper COMMAND --help' for a command's own
        """;

    public const string ExitCodesText = """
        Exit codes:
          0  success
          1  runtime failure (a module failed, an output test failed, events left undelivered at stop)
          2  bad usage or bad configuration (nothing was started)
        """;

    private static readonly Dictionary<string, string> Commands = new(StringComparer.Ordinal)
    {
        ["run"] = "Runs the configured modules and ships their events to the output until SIGINT/SIGTERM (the default command).",
        ["test config"] = "Loads and validates the configuration and every module, output and processor block, touching nothing (no kernel, no network). Prints 'Config OK'.",
        ["test output"] = "Connects to the configured output and reports whether it can deliver.",
        ["export config"] = "Prints the effective configuration (files merged, variables and -E applied) as YAML, with secrets masked.",
        ["version"] = "Prints the version.",
    };

    public static string Overview(IEnumerable<ICommandContribution> contributed)
    {
        var lines = new List<string>
        {
            "Shipper ships events from this host (Linux kernel audit first) to Elasticsearch, files or stdout.",
            string.Empty,
            "Usage: shipper [COMMAND] [flags]",
            string.Empty,
            "Commands:",
        };
        lines.AddRange(Commands.Select(c => $"  {c.Key,-22}  {FirstSentence(c.Value)}"));
        lines.AddRange(contributed.OrderBy(c => string.Join(' ', c.Words), StringComparer.Ordinal).Select(c => $"  {string.Join(' ', c.Words),-22}  {c.Summary}"));
        lines.Add(string.Empty);
        lines.Add(GlobalFlags);
        lines.Add(ExitCodesText);
        return string.Join(Environment.NewLine, lines);
    }

    public static string ForCommand(string words) =>
        $"Usage: shipper {words} [flags]{Environment.NewLine}{Environment.NewLine}{Commands[words]}{Environment.NewLine}{Environment.NewLine}{GlobalFlags}{Environment.NewLine}{ExitCodesText}";

    public static string ForContributed(ICommandContribution command) =>
        $"Usage: shipper {string.Join(' ', command.Words)} [arguments] [flags]{Environment.NewLine}{Environment.NewLine}{command.Summary}{Environment.NewLine}{Environment.NewLine}{GlobalFlags}{Environment.NewLine}{ExitCodesText}";

    public static bool IsBuiltIn(string words) => Commands.ContainsKey(words);

    private static string FirstSentence(string text) => text[..(text.IndexOf(". ", StringComparison.Ordinal) is var i and > 0 ? i + 1 : text.Length)];
}
