using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Config;
using Shipper.Core.Config;
using Shipper.Core.Hosting;
using Shipper.Core.Monitoring;
using Shipper.Core.Options;
using Shipper.Core.Pipeline;
using Shipper.Hosting;
using Shipper.Outputs;
using Shipper.Outputs.Elasticsearch;

namespace Shipper.Benchmarks.Elasticsearch;

/// <summary>
/// <c>dotnet run -c Release --project tests/Shipper.Benchmarks -- es-e2e [events]</c>: the real publisher pipeline
/// and <c>output.elasticsearch</c> (made from YAML by the plugin's factory) shipping auditd-shaped events into
/// <see cref="BulkEndpoint"/> in a child process, for worker 1 and 4 and compression 0 and 1. Prints documents/s,
/// bytes on the wire per document and this process's CPU time per 10,000 documents (the endpoint's CPU is not
/// counted). Default queue settings (3200 events, batches of 1600).
/// </summary>
internal static class EndToEndHarness
{
    public static async Task RunAsync(int events)
    {
        var port = FreePort();
        using var endpoint = StartEndpoint(port);
        try
        {
            Console.WriteLine($"| worker | compression_level | documents/s | bytes on the wire / document | CPU ms / 10,000 documents |");
            Console.WriteLine("|---|---|---|---|---|");
            await RunOnceAsync(port, 1, 1, Math.Min(events, 20_000)); // warm-up (JIT, connections), not reported
            foreach (var (worker, level) in new[] { (1, 1), (4, 1), (1, 0), (4, 0) })
            {
                var r = await RunOnceAsync(port, worker, level, events);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {worker} | {level} | {r.PerSecond:N0} | {r.BytesPerDocument:N0} | {r.CpuPer10k:N0} |"));
            }
        }
        finally
        {
            endpoint.Kill();
        }
    }

    private static async Task<(double PerSecond, double BytesPerDocument, double CpuPer10k)> RunOnceAsync(int port, int worker, int level, int events)
    {
        var temp = Path.Combine(Path.GetTempPath(), "shipper-es-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(temp);
        var file = Path.Combine(temp, "shipper.yml");
        await File.WriteAllTextAsync(file, $"""
            output.elasticsearch:
              hosts: ["127.0.0.1:{port}"]
              worker: {worker}
              compression_level: {level}
            """);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var loaded = ConfigLoader.Load(new ConfigLoadRequest { Files = [file], DefaultHome = temp });
        var agent = new AgentInfo("bench", "shipper", "0.1.0", Guid.NewGuid(), Guid.NewGuid(), "bench-host");
        var registry = new MetricsRegistry();
        var services = new Services(loaded.Root, agent);
        var block = loaded.Options.Output!.GetSection("elasticsearch")!.Without(OutputCommonOptions.Keys);
        var output = new ElasticsearchOutputFactory().Create(new OutputContext(block, NullLogger.Instance, new OutputMetrics(registry), services));
        var pipeline = new PublisherPipeline(new PipelineSettings { Agent = agent, Queue = new MemoryQueueOptions() }, output, registry, NullLoggerFactory.Instance);
        pipeline.Start();
        var client = pipeline.Connect(new ClientSettings());
        var batch = Enumerable.Range(0, events).Select(AuditEvents.Make).ToArray();

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var e in batch)
        {
            await client.PublishAsync(e, CancellationToken.None);
        }

        while (Counter(registry, "libbeat.output.events.acked") < events)
        {
            await Task.Delay(1);
        }

        clock.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var bytes = Counter(registry, "libbeat.output.write.bytes");
        await pipeline.StopAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        await pipeline.DisposeAsync();
        await output.DisposeAsync();
        Directory.Delete(temp, recursive: true);
        return (events / clock.Elapsed.TotalSeconds, (double)bytes / events, used.TotalMilliseconds * 10_000 / events);
    }

    private static long Counter(MetricsRegistry registry, string name) => registry.Snapshot().FirstOrDefault(p => p.Key == name).Value;

    private static Process StartEndpoint(int port)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(EndToEndHarness).Assembly.Location);
        }

        info.ArgumentList.Add("es-endpoint");
        info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(info)!;
        if (process.StandardOutput.ReadLine() != "listening")
        {
            throw new InvalidOperationException("the bulk endpoint did not start");
        }

        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Services(IConfigSection root, AgentInfo agent) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(IConfigSection) ? root : serviceType == typeof(AgentInfo) ? agent : null;
    }
}
