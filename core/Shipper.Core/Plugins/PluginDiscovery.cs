namespace Shipper.Core.Plugins;

/// <summary>
/// Finds plugin folders under <c>path.home</c>: <c>modules/*/</c>, <c>outputs/*/</c>, <c>processors/*/</c>.
/// A folder's main assembly is the <c>X.dll</c> that has an <c>X.deps.json</c> beside it (what
/// <c>dotnet publish</c> makes); a folder with no deps file must hold exactly one assembly that is not
/// a shared one (the contracts and Microsoft.Extensions abstractions).
/// </summary>
public static class PluginDiscovery
{
    private static readonly (PluginKind Kind, string Folder)[] Roots =
    [
        (PluginKind.Module, "modules"),
        (PluginKind.Output, "outputs"),
        (PluginKind.Processor, "processors"),
    ];

    /// <summary>Lists the plugin folders under <paramref name="home"/>, sorted by kind then name.</summary>
    /// <exception cref="PluginLoadException">A folder has no identifiable main assembly.</exception>
    public static IReadOnlyList<PluginFolder> Discover(string home)
    {
        var found = new List<PluginFolder>();
        foreach (var (kind, folder) in Roots)
        {
            var root = Path.Combine(home, folder);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var directory in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
            {
                var main = FindMainAssembly(directory);
                if (main is not null)
                {
                    found.Add(new PluginFolder(kind, Path.GetFileName(directory), directory, main));
                }
            }
        }

        return found;
    }

    private static string? FindMainAssembly(string directory)
    {
        var published = Directory.GetFiles(directory, "*.deps.json")
            .Select(deps => Path.Combine(directory, Path.GetFileName(deps)[..^".deps.json".Length] + ".dll"))
            .Where(File.Exists)
            .ToList();
        if (published.Count == 1)
        {
            return published[0];
        }

        var candidates = Directory.GetFiles(directory, "*.dll").Where(dll => !SharedAssemblies.IsShared(Path.GetFileNameWithoutExtension(dll))).ToList();
        return candidates.Count switch
        {
            0 => null,
            1 => candidates[0],
            _ => throw new PluginLoadException(
                $"plugin folder '{directory}' holds several assemblies and no .deps.json says which is the plugin; " +
                "publish the plugin with 'dotnet publish' or leave only its assembly and its dependencies with their .deps.json"),
        };
    }
}
