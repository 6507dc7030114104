using Shipper.Commands;
using Shipper.Config;
using Shipper.Modules;
using Shipper.Outputs;
using Shipper.Processors;

namespace Shipper.Core.Plugins;

/// <summary>
/// The module, output and processor types and the commands that the loaded plugins provide, by name.
/// Two plugins claiming the same name is an error at start.
/// </summary>
public sealed class PluginCatalog
{
    private readonly Dictionary<string, IModuleFactory> _modules;
    private readonly Dictionary<string, IOutputFactory> _outputs;
    private readonly Dictionary<string, IProcessorFactory> _processors;

    /// <summary>Indexes the factories and commands registered in DI.</summary>
    /// <exception cref="PluginLoadException">Two factories of one kind share a type name.</exception>
    public PluginCatalog(
        IEnumerable<IModuleFactory> modules,
        IEnumerable<IOutputFactory> outputs,
        IEnumerable<IProcessorFactory> processors,
        IEnumerable<ICommandContribution> commands)
    {
        _modules = Index(modules, m => m.Type, "module");
        _outputs = Index(outputs, o => o.Type, "output");
        _processors = Index(processors, p => p.Type, "processor");
        Commands = [.. commands];
    }

    /// <summary>Module type names, sorted.</summary>
    public IReadOnlyList<string> ModuleTypes => [.. _modules.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Output type names, sorted.</summary>
    public IReadOnlyList<string> OutputTypes => [.. _outputs.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Processor names, sorted.</summary>
    public IReadOnlyList<string> ProcessorTypes => [.. _processors.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Commands contributed by plugins.</summary>
    public IReadOnlyList<ICommandContribution> Commands { get; }

    /// <summary>The factory for module <paramref name="type"/>, or a located error listing the types available.</summary>
    public IModuleFactory Module(string type, IConfigSection at) => Find(_modules, type, "module", at);

    /// <summary>The factory for output <paramref name="type"/>, or a located error listing the types available.</summary>
    public IOutputFactory Output(string type, IConfigSection at) => Find(_outputs, type, "output", at);

    /// <summary>The factory for processor <paramref name="type"/>, or a located error listing the types available.</summary>
    public IProcessorFactory Processor(string type, IConfigSection at) => Find(_processors, type, "processor", at);

    private static T Find<T>(Dictionary<string, T> index, string type, string kind, IConfigSection at)
    {
        if (index.TryGetValue(type, out var factory))
        {
            return factory;
        }

        var available = index.Count == 0 ? "none are installed" : "available: " + string.Join(", ", index.Keys.Order(StringComparer.Ordinal));
        throw new ConfigException($"unknown {kind} type '{type}' ({available})", at.Path, at.Location);
    }

    private static Dictionary<string, T> Index<T>(IEnumerable<T> factories, Func<T, string> name, string kind)
        where T : notnull
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var factory in factories)
        {
            if (!index.TryAdd(name(factory), factory))
            {
                throw new PluginLoadException(
                    $"two plugins provide the {kind} type '{name(factory)}': {index[name(factory)].GetType().Assembly.Location} and {factory.GetType().Assembly.Location}");
            }
        }

        return index;
    }
}
