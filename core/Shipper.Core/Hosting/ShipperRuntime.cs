using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shipper.Commands;
using Shipper.Config;
using Shipper.Core.Config;
using Shipper.Core.Monitoring;
using Shipper.Core.Plugins;
using Shipper.Hosting;
using Shipper.Modules;
using Shipper.Monitoring;
using Shipper.Outputs;
using Shipper.Processors;

namespace Shipper.Core.Hosting;

/// <summary>
/// The composed host: the loaded configuration, the plugins found under <c>path.home</c> and the DI container
/// through which plugins get logging, configuration, paths, agent info and metrics. Creating modules and the
/// output validates their configuration without starting anything.
/// </summary>
public sealed class ShipperRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ShipperRuntime(LoadedConfig config, ServiceProvider provider, IReadOnlyList<LoadedPlugin> plugins)
    {
        Config = config;
        _provider = provider;
        Plugins = plugins;
        Catalog = provider.GetRequiredService<PluginCatalog>();
        Loggers = provider.GetRequiredService<ILoggerFactory>();
        Metrics = provider.GetRequiredService<MetricsRegistry>();
        Agent = provider.GetRequiredService<AgentInfo>();
    }

    /// <summary>The effective configuration.</summary>
    public LoadedConfig Config { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>What the plugins provide, by name.</summary>
    public PluginCatalog Catalog { get; }

    /// <summary>The plugins loaded.</summary>
    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>The host's logger factory.</summary>
    public ILoggerFactory Loggers { get; }

    /// <summary>Every counter of the process.</summary>
    public MetricsRegistry Metrics { get; }

    /// <summary>Who is shipping.</summary>
    public AgentInfo Agent { get; }

    /// <summary>Discovers and loads the plugins and composes the container.</summary>
    /// <param name="config">The loaded configuration.</param>
    /// <param name="loggers">The host's logger factory; owned by the caller.</param>
    /// <param name="persistAgentId">Whether to write a new agent id to <c>path.data</c> (only when running).</param>
    /// <param name="extraServices">Lets the caller add or replace services (the event source runner).</param>
    public static ShipperRuntime Create(LoadedConfig config, ILoggerFactory loggers, bool persistAgentId, Action<IServiceCollection>? extraServices = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var services = new ServiceCollection();
        services.AddSingleton(loggers);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(config);
        services.AddSingleton(config.Root);
        services.AddSingleton(config.Paths);
        services.AddSingleton(AgentIdentity.Create(config.Options.Name, config.Paths.Data, persistAgentId));
        services.AddSingleton<MetricsRegistry>();
        services.AddSingleton<IMetricsRegistry>(sp => sp.GetRequiredService<MetricsRegistry>());
        services.AddSingleton<PluginCatalog>();
        services.AddSingleton<IProcessorChainBuilder, ProcessorChainBuilder>();
        extraServices?.Invoke(services);

        var plugins = PluginAssemblyLoader.LoadInto(services, PluginDiscovery.Discover(config.Paths.Home));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = false });
        return new ShipperRuntime(config, provider, plugins);
    }

    /// <summary>Creates every enabled module of <c>shipper.modules</c> (validating its block).</summary>
    public IReadOnlyList<ModuleInstance> CreateModules()
    {
        var list = Config.Options.Shipper.Modules;
        var modules = new List<ModuleInstance>();
        foreach (var block in list?.Items ?? [])
        {
            var instance = CreateModule(block);
            if (instance is not null)
            {
                modules.Add(instance);
            }
        }

        return modules;
    }

    /// <summary>Creates the module of one block, or returns null when the block is disabled.</summary>
    public ModuleInstance? CreateModule(IConfigSection block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var common = block.Only(ModuleCommonOptions.Keys).Bind<ModuleCommonOptions>();
        if (string.IsNullOrEmpty(common.Module))
        {
            throw new ConfigException("each entry of shipper.modules needs a 'module' key naming its type", block.Path, block.Location);
        }

        var factory = Catalog.Module(common.Module, block.GetSection("module")!);
        if (!common.Enabled)
        {
            return null;
        }

        var processors = common.Processors is null ? [] : ProcessorChain().Build(common.Processors);
        var context = new ModuleContext(block.Without(ModuleCommonOptions.Keys), Loggers.CreateLogger(common.Module), Services);
        return new ModuleInstance(common, factory.Create(context), processors);
    }

    /// <summary>The first block of <c>shipper.modules</c> of the given type, without the host's keys; null when none.</summary>
    public IConfigSection? FindModuleBlock(string type) =>
        Config.Options.Shipper.Modules?.Items
            .FirstOrDefault(b => b.GetSection("module")?.Value == type)
            ?.Without(ModuleCommonOptions.Keys);

    /// <summary>The <c>output.&lt;type&gt;</c> block, enabled or not, without the host's keys; null when not configured.</summary>
    public IConfigSection? FindOutputBlock(string type) =>
        Config.Options.Output?.GetSection(type)?.Without(OutputCommonOptions.Keys);

    /// <summary>The module-level settings (processors, fields, tags) of the first block of <paramref name="type"/>.</summary>
    public (ModuleCommonOptions Common, IReadOnlyList<IProcessor> Processors) ModuleSettings(string type)
    {
        var block = Config.Options.Shipper.Modules?.Items.FirstOrDefault(b => b.GetSection("module")?.Value == type);
        if (block is null)
        {
            return (new ModuleCommonOptions { Module = type }, []);
        }

        var common = block.Only(ModuleCommonOptions.Keys).Bind<ModuleCommonOptions>();
        return (common, common.Processors is null ? [] : ProcessorChain().Build(common.Processors));
    }

    /// <summary>Creates the one enabled output (validating its block), with its metrics sink.</summary>
    public OutputInstance CreateOutput()
    {
        var (type, section, common) = OutputSelection.Select(Config.Options.Output, Catalog.OutputTypes);
        var factory = Catalog.Output(type, section);
        var metrics = new OutputMetrics(Metrics);
        var output = factory.Create(new OutputContext(section, Loggers.CreateLogger("output." + type), metrics, Services));
        return new OutputInstance(type, output, common, metrics);
    }

    /// <summary>Builds the global <c>processors</c>.</summary>
    public IReadOnlyList<IProcessor> CreateGlobalProcessors() =>
        Config.Options.Processors is { } list ? ProcessorChain().Build(list) : [];

    /// <summary>The plugin command whose words start <paramref name="words"/> (longest match), or null.</summary>
    public ICommandContribution? FindCommand(IReadOnlyList<string> words) =>
        Catalog.Commands
            .Where(c => c.Words.Count <= words.Count && c.Words.SequenceEqual(words.Take(c.Words.Count), StringComparer.Ordinal))
            .MaxBy(c => c.Words.Count);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private IProcessorChainBuilder ProcessorChain() => Services.GetRequiredService<IProcessorChainBuilder>();
}
