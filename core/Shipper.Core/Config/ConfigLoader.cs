using Shipper.Config;
using Shipper.Core.Options;

namespace Shipper.Core.Config;

/// <summary>
/// Loads the configuration: reads the <c>-c</c> files (checking their permissions), merges them in order,
/// applies the <c>-E</c> overrides, expands variables, resolves <c>path.*</c> and binds <see cref="ShipperOptions"/>.
/// Every problem is a <see cref="ConfigException"/> naming the key, file, line and column.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Loads, checks and binds the configuration described by <paramref name="request"/>.</summary>
    public static LoadedConfig Load(ConfigLoadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var files = FilesToRead(request);
        var raw = new MapNode(new ConfigLocation(files.Count > 0 ? files[0] : "defaults", 0, 0));
        foreach (var file in files)
        {
            ConfigMerger.Merge(raw, ReadFile(file, request.StrictPermissions));
        }

        foreach (var flag in request.Overrides)
        {
            OverrideApplier.Apply(raw, flag);
        }

        var expander = new VariableExpander(raw, request.Environment);
        var paths = new PathResolver(request, raw, expander, files.Count > 0 && request.Files.Count > 0 ? Path.GetDirectoryName(files[0]) : null);
        expander.PathLookup = paths.Lookup;
        var tree = expander.Expand(raw, string.Empty);
        var shipperPaths = paths.Resolve();
        var root = new ConfigSection(tree, string.Empty, tree.Location);
        var options = root.Bind<ShipperOptions>();
        return new LoadedConfig(tree, root, options, shipperPaths, files);
    }

    private static List<string> FilesToRead(ConfigLoadRequest request)
    {
        if (request.Files.Count > 0)
        {
            return [.. request.Files.Select(Path.GetFullPath)];
        }

        var fallback = Path.Combine(PathResolver.Early(request, "config"), "shipper.yml");
        if (!File.Exists(fallback))
        {
            throw new ConfigException($"no config file given with -c, and the default '{fallback}' does not exist (set --path.config or pass -c FILE)");
        }

        return [fallback];
    }

    private static MapNode ReadFile(string path, bool strictPermissions)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"config file '{path}' does not exist");
        }

        if (strictPermissions && !OperatingSystem.IsWindows())
        {
            ConfigFilePermissions.Verify(path);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read config file '{path}': {e.Message}", e);
        }

        return YamlTreeReader.Read(text, path) switch
        {
            null => new MapNode(new ConfigLocation(path, 1, 1)),
            MapNode map => map,
            var other => throw new ConfigException($"the top level of a config file must be key: value lines, not {other.Kind}", null, other.Location),
        };
    }
}
