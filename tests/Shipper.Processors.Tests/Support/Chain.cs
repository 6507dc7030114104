using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Shipper.Config;
using Shipper.Core.Config;
using Shipper.Core.Hosting;
using Shipper.Core.Monitoring;
using Shipper.Core.Plugins;
using Shipper.Events;
using Shipper.Processors.Standard;
using Shipper.Testing;

namespace Shipper.Processors.Tests.Support;

/// <summary>
/// Builds processors the way the host does: a real config file read by the real loader, the host's chain builder,
/// and the plugin's registrations, with a fake clock, captured logs and a metrics registry to inspect.
/// </summary>
internal sealed class Chain : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ServiceProvider _services;

    public Chain()
    {
        var services = new ServiceCollection();
        new StandardProcessorsPlugin().ConfigureServices(services);
        services.AddSingleton<ILoggerFactory>(Logs);
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Metrics);
        services.AddSingleton<Shipper.Monitoring.IMetricsRegistry>(Metrics);
        services.AddSingleton(sp => new PluginCatalog([], [], sp.GetServices<IProcessorFactory>(), []));
        services.AddSingleton<IProcessorChainBuilder, ProcessorChainBuilder>();
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ListLoggerFactory Logs { get; } = new();

    public MetricsRegistry Metrics { get; } = new();

    public IServiceProvider Services => _services;

    /// <summary>The file name errors point at.</summary>
    public string FileName => _directory.File("shipper.yml");

    /// <summary>Loads <paramref name="yaml"/> as a whole config file.</summary>
    public LoadedConfig Load(string yaml)
    {
        var path = _directory.Write("shipper.yml", yaml);
        return ConfigLoader.Load(new ConfigLoadRequest { Files = [path], DefaultHome = _directory.Path, Environment = _ => null });
    }

    /// <summary>Builds the global <c>processors:</c> list of <paramref name="yaml"/> (a whole config file).</summary>
    public IReadOnlyList<IProcessor> Build(string yaml) =>
        Services.GetRequiredService<IProcessorChainBuilder>().Build(Load(yaml).Options.Processors!);

    /// <summary>Builds the one processor of <paramref name="yaml"/>.</summary>
    public IProcessor One(string yaml) => Assert.Single(Build(yaml));

    /// <summary>The error that building <paramref name="yaml"/> gives.</summary>
    public ConfigException Fails(string yaml) => Assert.Throws<ConfigException>(() => Build(yaml));

    /// <summary>Compiles the condition block at <c>when:</c> of a one-entry <c>drop_event</c> list (the condition starts on line 4).</summary>
    public ICondition Condition(string conditionYaml)
    {
        var indented = string.Join('\n', conditionYaml.Split('\n').Select(l => "      " + l));
        var root = Load("processors:\n- drop_event:\n    when:\n" + indented + "\n").Root;
        return Services.GetRequiredService<IConditionFactory>().Create(root.GetSection("processors.0.drop_event.when")!);
    }

    /// <summary>The error compiling a condition gives.</summary>
    public ConfigException ConditionFails(string conditionYaml) => Assert.Throws<ConfigException>(() => Condition(conditionYaml));

    /// <summary>Runs every processor in order, as the pipeline does; null when one dropped the event.</summary>
    public static Event? Run(IReadOnlyList<IProcessor> processors, Event @event)
    {
        Event? current = @event;
        foreach (var processor in processors)
        {
            if (current is null)
            {
                break;
            }

            current = processor.Process(current);
        }

        return current;
    }

    public long Counter(string name) => Metrics.Snapshot().FirstOrDefault(p => p.Key == name).Value;

    public void Dispose()
    {
        _services.Dispose();
        _directory.Dispose();
    }
}
