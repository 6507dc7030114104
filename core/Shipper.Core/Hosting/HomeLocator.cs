namespace Shipper.Core.Hosting;

/// <summary>
/// Finds the default <c>path.home</c>: the folder that holds the plugin folders. The release layout puts the
/// executable in <c>bin/</c> beside <c>modules/</c> and <c>outputs/</c>, so the executable's parent wins when
/// it has plugin folders; otherwise the executable's own folder.
/// </summary>
public static class HomeLocator
{
    private static readonly string[] PluginFolders = ["modules", "outputs", "processors"];

    /// <summary>The default home for an executable located in <paramref name="baseDirectory"/>.</summary>
    public static string Find(string baseDirectory)
    {
        var own = Path.GetFullPath(baseDirectory);
        if (HasPluginFolders(own))
        {
            return Path.TrimEndingDirectorySeparator(own);
        }

        var parent = Directory.GetParent(Path.TrimEndingDirectorySeparator(own))?.FullName;
        return parent is not null && HasPluginFolders(parent) ? parent : Path.TrimEndingDirectorySeparator(own);
    }

    private static bool HasPluginFolders(string folder) => PluginFolders.Any(p => Directory.Exists(Path.Combine(folder, p)));
}
