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
/// loader, the host's chain builder, the standard processors plugin), run over auditd-like events of ~20 fields.
/// Events are made before each iteration, so the allocations reported are the processors' own per event.
/// </summary>
[MemoryDiagnoser]
public class ProcessorChainBenchmarks
{
    private const int EventsPerInvoke = 100_000;
    private static readonly DateTimeOffset Timestamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Event[] _events = new Event[EventsPerInvoke];
    private IProcessor[] _typical = null!;
    private IProcessor[] _dropEvent = null!;
    private IProcessor[] _addFields = null!;
    private IProcessor[] _dropFields = null!;

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
    }

    [IterationSetup]
    public void MakeEvents()
    {
        for (var i = 0; i < _events.Length; i++)
        {
            _events[i] = AuditLikeEvent(i);
        }
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke, Baseline = true)]
    public int TypicalChain() => RunAll(_typical);

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int DropEventWithEquals() => RunAll(_dropEvent);

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int AddFields() => RunAll(_addFields);

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int DropFields() => RunAll(_dropFields);

    private int RunAll(IProcessor[] chain)
    {
        var kept = 0;
        foreach (var e in _events)
        {
            Event? current = e;
            for (var i = 0; i < chain.Length && current is not null; i++)
            {
                current = chain[i].Process(current);
            }

            kept += current is null ? 0 : 1;
        }

        return kept;
    }

    private static Event AuditLikeEvent(int i)
    {
        var e = new Event(Timestamp, new FieldMap(12));
        e.Fields.Put("event.module", "auditd");
        e.Fields.Put("event.action", i % 10 == 0 ? "heartbeat" : "executed");
        e.Fields.Put("event.category", new List<object?> { "process" });
        e.Fields.Put("process.pid", 4000 + i);
        e.Fields.Put("process.name", "curl");
        e.Fields.Put("process.executable", "/usr/bin/curl");
        e.Fields.Put("process.args", new List<object?> { "curl", "-s", "https://example.com" });
        e.Fields.Put("process.parent.pid", 1200);
        e.Fields.Put("user.id", "1000");
        e.Fields.Put("user.name", "alice");
        e.Fields.Put("auditd.sequence", 100_000 + i);
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
