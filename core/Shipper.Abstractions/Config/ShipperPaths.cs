namespace Shipper.Config;

/// <summary>
/// The resolved <c>path.*</c> settings, as in Beats: <c>home</c> (where the executable and plugin
/// folders live), <c>config</c>, <c>data</c> and <c>logs</c>. All absolute.
/// </summary>
/// <param name="Home">Installation folder; <c>modules/</c>, <c>outputs/</c>, <c>processors/</c> are found here.</param>
/// <param name="Config">Where configuration files and rule files are looked up (default: <c>Home/config</c>... or the config file's folder).</param>
/// <param name="Data">Persistent state such as the agent id (default: <c>Home/data</c>).</param>
/// <param name="Logs">Log files when <c>logging.to_files</c> is on (default: <c>Home/logs</c>).</param>
public sealed record ShipperPaths(string Home, string Config, string Data, string Logs)
{
    /// <summary>Resolves <paramref name="path"/> against <see cref="Config"/> when it is relative.</summary>
    public string ResolveConfigPath(string path) => System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(Config, path));
}
