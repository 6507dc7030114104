namespace Shipper.Cli.CommandLine;

/// <summary>
/// Parses the command line. Global flags may stand anywhere; everything else is kept in order as the
/// command's words and arguments, so a plugin command receives its own flags untouched.
/// Hand-written rather than System.CommandLine: plugin commands are only known after plugins load, and
/// <c>shipper version</c> must start without loading anything.
/// </summary>
internal static class CliParser
{
    private static readonly string[] PathNames = ["home", "config", "data", "logs"];

    /// <summary>Parses <paramref name="args"/>; throws <see cref="UsageException"/> on a malformed flag.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var result = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inline) = Split(arg);
            switch (name)
            {
                case "-c" or "--c" or "--config":
                    result.ConfigFiles.Add(inline ?? Next(args, ref i, name));
                    break;
                case "-E":
                    var pair = inline ?? Next(args, ref i, name);
                    if (!pair.Contains('=', StringComparison.Ordinal) || pair.StartsWith('='))
                    {
                        throw new UsageException($"-E expects key=value, got '{pair}'");
                    }

                    result.Overrides.Add(pair);
                    break;
                case "-e":
                    result.LogToStderr = true;
                    break;
                case "-d":
                    result.DebugSelectors.AddRange((inline ?? Next(args, ref i, name)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "-h" or "--help":
                    result.Help = true;
                    break;
                case "--strict.perms":
                    result.StrictPermissions = ParseBool(inline ?? "true", name);
                    break;
                default:
                    if (name.StartsWith("--path.", StringComparison.Ordinal))
                    {
                        var which = name["--path.".Length..];
                        if (!PathNames.Contains(which))
                        {
                            throw new UsageException($"unknown flag {name}; path flags are --path.home, --path.config, --path.data, --path.logs");
                        }

                        result.Paths[which] = inline ?? Next(args, ref i, name);
                        break;
                    }

                    result.Words.Add(arg);
                    break;
            }
        }

        return result;
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        if (!arg.StartsWith('-'))
        {
            return (arg, null);
        }

        if (arg.StartsWith("--", StringComparison.Ordinal))
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            return eq < 0 ? (arg, null) : (arg[..eq], arg[(eq + 1)..]);
        }

        // -Ekey=value and -cfile are accepted, as Go's flag package accepts -E=key=value.
        if (arg.Length > 2 && arg[1] is 'c' or 'E' or 'd')
        {
            var rest = arg[2..];
            return (arg[..2], rest.StartsWith('=') ? rest[1..] : rest);
        }

        return (arg, null);
    }

    private static string Next(IReadOnlyList<string> args, ref int i, string flag)
    {
        if (i + 1 >= args.Count)
        {
            throw new UsageException($"{flag} needs a value");
        }

        return args[++i];
    }

    private static bool ParseBool(string text, string flag) => text.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new UsageException($"{flag} expects true or false, got '{text}'"),
    };
}
