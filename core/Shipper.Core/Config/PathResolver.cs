using Shipper.Config;

namespace Shipper.Core.Config;

/// <summary>
/// Resolves <c>path.home|config|data|logs</c>: the <c>--path.*</c> flag, else the setting (variables expanded),
/// else the default: home is the host's default; config is the first <c>-c</c> file's folder, else
/// <c>home/config</c>; data and logs are <c>home/data</c> and <c>home/logs</c>. Relative paths resolve against
/// the working directory. Answers <c>${path.*}</c> references for the expander.
/// </summary>
internal sealed class PathResolver(ConfigLoadRequest request, ConfigNode raw, VariableExpander expander, string? firstFileFolder)
{
    private readonly Dictionary<string, string> _resolved = new(StringComparer.Ordinal);

    public ShipperPaths Resolve() => new(Get("home"), Get("config"), Get("data"), Get("logs"));

    /// <summary>The folder for a <c>path.*</c> variable name; null for any other name.</summary>
    public string? Lookup(string name) => name switch
    {
        "path.home" or "path.config" or "path.data" or "path.logs" => Get(name[5..]),
        _ => null,
    };

    /// <summary>The folder for <paramref name="which"/> (home, config, data, logs) using only flags and defaults, before any file is read.</summary>
    public static string Early(ConfigLoadRequest request, string which)
    {
        if (Flag(request, which) is { } flag)
        {
            return Path.GetFullPath(flag);
        }

        var home = Flag(request, "home") ?? request.DefaultHome;
        return Path.GetFullPath(which == "home" ? home : Path.Combine(home, which));
    }

    private string Get(string which)
    {
        if (_resolved.TryGetValue(which, out var known))
        {
            return known;
        }

        var value = Flag(request, which) ?? Setting(which) ?? Default(which);
        var full = Path.GetFullPath(value);
        _resolved[which] = full;
        return full;
    }

    private string? Setting(string which)
    {
        var key = "path." + which;
        if (KeyPaths.Find(raw, key) is not { } node)
        {
            return null;
        }

        return expander.Expand(node, key) switch
        {
            ScalarNode { IsNull: true } or ScalarNode { Text.Length: 0 } => null,
            ScalarNode scalar => scalar.Text,
            var other => throw new ConfigException($"expected a folder path, got {other.Kind}", key, other.Location),
        };
    }

    private string Default(string which) => which switch
    {
        "home" => request.DefaultHome,
        "config" => firstFileFolder ?? Path.Combine(Get("home"), "config"),
        _ => Path.Combine(Get("home"), which),
    };

    private static string? Flag(ConfigLoadRequest request, string which) =>
        request.PathFlags.TryGetValue(which, out var flag) && !string.IsNullOrWhiteSpace(flag) ? flag : null;
}
