using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Core.Config;
using Shipper.Core.Hosting;
using Shipper.Core.Monitoring;
using Shipper.Core.Plugins;
using Shipper.Events;
using Shipper.Monitoring;
using Shipper.Processors;
using Shipper.Processors.Standard;

namespace Shipper.Benchmarks.Processors;

/// <summary>
/// The cost per event of processor chains built from configuration exactly as the host builds them (real config
/// loader, the host's chain builder, the standard processors plugin), on an auditd-like event of 16 fields that is
/// hot in the CPU cache, as a module's event is when it is published. The chains change the event, so the mutating
/// benchmarks put it back after each run (<see cref="RestoreOnly"/> measures that alone, without allocating):
/// a chain's own cost is its row minus the RestoreOnly row. Allocations are the processors' own.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ProcessorChainBenchmarks
{
    private static readonly DateTimeOffset Timestamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private IProcessor[] _typical = null!;
    private IProcessor[] _dropEvent = null!;
    private IProcessor[] _addFields = null!;
    private IProcessor[] _dropFields = null!;
    private Event _event = null!;
    private Event _heartbeat = null!;
    private FieldMap _process = null!;
    private FieldMap _data = null!;
    private object? _args;
    private object? _a0;

    [GlobalSetup]
    public void Setup()
    {
        _typical = Build("""
            processors:
            - drop_event:
                when:
                  equals: {event.action: heartbeat}
            - add_fields: {target: project, fields: {name: billing, id: 7}}
            - drop_fields: {fields: [process.args, auditd.data.a0]}
            """);
        _dropEvent = Build("processors:\n- drop_event:\n    when:\n      equals: {event.action: heartbeat}");
        _addFields = Build("processors:\n- add_fields: {target: project, fields: {name: billing, id: 7}}");
        _dropFields = Build("processors:\n- drop_fields: {fields: [process.args, auditd.data.a0]}");
        _event = AuditLikeEvent("executed");
        _heartbeat = AuditLikeEvent("heartbeat");
        _process = (FieldMap)_event.Fields["process"]!;
        _data = (FieldMap)((FieldMap)_event.Fields["auditd"]!)["data"]!;
        _args = _process["args"];
        _a0 = _data["a0"];
    }

    /// <summary>Puts the event back as it was made (what the chains removed, without what they added).</summary>
    [Benchmark(Baseline = true)]
    public void RestoreOnly() => Restore();

    /// <summary>drop_event (condition does not match), add_fields, drop_fields: the event goes through.</summary>
    [Benchmark]
    public Event? TypicalChain()
    {
        var result = Run(_typical, _event);
        Restore();
        return result;
    }

    /// <summary>The same chain on an event its drop_event matches: dropped at the first step.</summary>
    [Benchmark]
    public Event? TypicalChainDropsTheEvent() => Run(_typical, _heartbeat);

    [Benchmark]
    public Event? DropEventWithEquals() => Run(_dropEvent, _event);

    [Benchmark]
    public Event? AddFields()
    {
        var result = Run(_addFields, _event);
        Restore();
        return result;
    }

    [Benchmark]
    public Event? DropFields()
    {
        var result = Run(_dropFields, _event);
        Restore();
        return result;
    }

    private static Event? Run(IProcessor[] chain, Event e)
    {
        Event? current = e;
        for (var i = 0; i < chain.Length && current is not null; i++)
        {
            current = chain[i].Process(current);
        }

        return current;
    }

    private void Restore()
    {
        _event.Fields.Remove("project");
        _process["args"] = _args;
        _data["a0"] = _a0;
    }

    private static Event AuditLikeEvent(string action)
    {
        var e = new Event(Timestamp, new FieldMap(12));
        e.Fields.Put("event.module", "auditd");
        e.Fields.Put("event.action", action);
        e.Fields.Put("event.category", new List<object?> { "process" });
        e.Fields.Put("process.pid", 4000);
        e.Fields.Put("process.name", "curl");
        e.Fields.Put("process.executable", "/usr/bin/curl");
        e.Fields.Put("process.args", new List<object?> { "curl", "-s", "https://example.com" });
        e.Fields.Put("process.parent.pid", 1200);
        e.Fields.Put("user.id", "1000");
        e.Fields.Put("user.name", "alice");
        e.Fields.Put("auditd.sequence", 100_000);
        e.Fields.Put("auditd.result", "success");
        e.Fields.Put("auditd.data.syscall", "execve");
        e.Fields.Put("auditd.data.a0", "7ffd3c1e2a40");
        e.Fields.Put("auditd.data.exit", "0");
        e.Fields.Put("host.name", "bench-host");
        return e;
    }

    private static IProcessor[] Build(string yaml)
    {
        var folder = Path.Combine(Path.GetTempPath(), "shipper-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "shipper.yml");
        File.WriteAllText(file, yaml);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            var config = ConfigLoader.Load(new ConfigLoadRequest { Files = [file], DefaultHome = folder });
            var services = new ServiceCollection();
            new StandardProcessorsPlugin().ConfigureServices(services);
            services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
            services.AddSingleton<IMetricsRegistry>(new MetricsRegistry());
            services.AddSingleton(sp => new PluginCatalog([], [], sp.GetServices<IProcessorFactory>(), []));
            services.AddSingleton<IProcessorChainBuilder, ProcessorChainBuilder>();
            var provider = services.BuildServiceProvider();
            return [.. provider.GetRequiredService<IProcessorChainBuilder>().Build(config.Options.Processors!)];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
