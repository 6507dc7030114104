using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Shipper.Plugins;

namespace Shipper.Core.Plugins;

/// <summary>
/// Loads plugin folders into their own load contexts (McMaster.NETCore.Plugins), each with its own
/// dependencies, and lets every <see cref="IShipperPlugin"/> they contain register its services.
/// </summary>
public static class PluginAssemblyLoader
{
    /// <summary>Loads each folder and calls its plugins' <see cref="IShipperPlugin.ConfigureServices"/>.</summary>
    /// <returns>The plugins loaded, with the folder each came from.</returns>
    /// <exception cref="PluginLoadException">An assembly failed to load or holds no plugin.</exception>
    public static IReadOnlyList<LoadedPlugin> LoadInto(IServiceCollection services, IEnumerable<PluginFolder> folders)
    {
        var loaded = new List<LoadedPlugin>();
        foreach (var folder in folders)
        {
            foreach (var plugin in Load(folder))
            {
                var before = services.Count;
                plugin.ConfigureServices(services);
                loaded.Add(new LoadedPlugin(folder, plugin, services.Skip(before).Select(d => d.ImplementationType ?? d.ServiceType).ToList()));
            }
        }

        return loaded;
    }

    private static List<IShipperPlugin> Load(PluginFolder folder)
    {
        Assembly assembly;
        try
        {
            var loader = CreateLoader(folder.MainAssembly);
            assembly = loader.LoadDefaultAssembly();
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or FileLoadException)
        {
            throw new PluginLoadException($"cannot load plugin '{folder.Name}' from {folder.MainAssembly}: {e.Message}", e);
        }

        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            throw new PluginLoadException($"plugin '{folder.Name}' ({folder.MainAssembly}) references something missing: {e.Message}", e);
        }

        var plugins = types
            .Where(t => typeof(IShipperPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => CreatePlugin(folder, t))
            .ToList();
        if (plugins.Count == 0)
        {
            throw new PluginLoadException(
                $"plugin folder '{folder.Directory}': {Path.GetFileName(folder.MainAssembly)} has no public class implementing {nameof(IShipperPlugin)} " +
                "(was it built against a different Shipper.Abstractions?)");
        }

        return plugins;
    }

    private static PluginLoader CreateLoader(string path) =>
        PluginLoader.CreateFromAssemblyFile(
            path,
            SharedAssemblies.Types,
            config => config.PreferSharedTypes = true);

    private static IShipperPlugin CreatePlugin(PluginFolder folder, Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new PluginLoadException($"plugin '{folder.Name}': {type.FullName} needs a public parameterless constructor");
        }

        return (IShipperPlugin)Activator.CreateInstance(type)!;
    }
}
