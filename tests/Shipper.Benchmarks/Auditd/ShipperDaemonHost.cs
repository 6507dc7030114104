using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Config;
using Shipper.Core.Config;
using Shipper.Core.Hosting;
using Shipper.Core.Monitoring;
using Shipper.Core.Options;
using Shipper.Core.Pipeline;
using Shipper.Hosting;
using Shipper.Modules;
using Shipper.Modules.Auditd;
using Shipper.Monitoring;
using Shipper.Outputs;
using Shipper.Outputs.File;

namespace Shipper.Benchmarks.Auditd;

/// <summary>
/// <c>storm-shipper CONFIG stalled|file</c>: the shipper as the audit daemon in this (child) process, made from a
/// shipper.yml the way the host makes it: the auditd module from its <c>shipper.modules</c> block by the plugin's
/// factory, the real publisher pipeline with the default queue, and either <c>output.file</c> from the same file or
/// an output that never acknowledges. Runs until a line (or end of input) arrives on stdin, then stops and prints
/// its metrics and the GC's totals (collections per generation, total pause) as <c>name=value</c> lines.
/// </summary>
internal static class ShipperDaemonHost
{
    public static async Task RunAsync(string configFile, bool stalled)
    {
        var loaded = ConfigLoader.Load(new ConfigLoadRequest { Files = [configFile], DefaultHome = Path.GetDirectoryName(configFile)! });
        var agent = new AgentInfo("storm", "shipper", "0.1.0", Guid.NewGuid(), Guid.NewGuid(), Environment.MachineName);
        var registry = new MetricsRegistry();
        var services = new ServiceCollection();
        new AuditdPlugin().ConfigureServices(services);
        services.AddSingleton<IMetricsRegistry>(registry);
        services.AddSingleton(loaded.Root);
        services.AddSingleton(agent);
        await using var provider = services.BuildServiceProvider();

        IOutput output = stalled
            ? new StalledOutput()
            : new FileOutputFactory().Create(new OutputContext(loaded.Options.Output!.GetSection("file")!.Without(OutputCommonOptions.Keys), NullLogger.Instance, new OutputMetrics(registry), provider));
        var pipeline = new PublisherPipeline(new PipelineSettings { Agent = agent, Queue = new MemoryQueueOptions() }, output, registry, NullLoggerFactory.Instance);
        pipeline.Start();
        var block = loaded.Options.Shipper.Modules!.Items[0].Without(ModuleCommonOptions.Keys);
        var module = new AuditdModuleFactory().Create(new ModuleContext(block, NullLogger.Instance, provider));
        using var stop = new CancellationTokenSource();
        var running = module.RunAsync(pipeline.Connect(new ClientSettings()), stop.Token);
        Console.WriteLine("started");
        await Task.WhenAny(running, Task.Run(Console.In.ReadLine));
        await stop.CancelAsync();
        await running;
        await pipeline.StopAsync(stalled ? TimeSpan.Zero : TimeSpan.FromSeconds(60), CancellationToken.None);
        await pipeline.DisposeAsync();
        await output.DisposeAsync();
        await module.DisposeAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gc.pause_ms={(long)GC.GetTotalPauseDuration().TotalMilliseconds}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gc.gen0={GC.CollectionCount(0)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gc.gen1={GC.CollectionCount(1)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gc.gen2={GC.CollectionCount(2)}"));
        foreach (var (name, value) in registry.Snapshot())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}={value}"));
        }
    }
}
