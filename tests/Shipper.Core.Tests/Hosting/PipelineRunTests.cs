using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shipper.Core.Hosting;
using Shipper.Core.Tests.Config;
using Shipper.Core.Tests.Monitoring;
using Shipper.Outputs;
using Shipper.Testing;

namespace Shipper.Core.Tests.Hosting;

public sealed class PipelineRunTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ListLoggerFactory _logs = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task With_http_disabled_nothing_listens_on_the_http_port()
    {
        // The port stays bound (not listening) by this test, so no other test can take it and a connection is refused
        // unless something listens there.
        using var reserved = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        reserved.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)reserved.LocalEndPoint!).Port;
        await using var runtime = Runtime(new CollectingOutput(), $"http: {{enabled: false, port: {port}}}");
        await using var run = await PipelineRun.StartAsync(runtime, CancellationToken.None);

        using var client = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        await run.StopAsync(untilDelivered: false, CancellationToken.None);
    }

    [Fact]
    public async Task With_http_enabled_the_endpoint_serves_the_run_s_metrics_until_disposed()
    {
        // Port 0: the system picks a free port and the endpoint logs it (a port probed free beforehand can be taken
        // by another test before the endpoint binds it).
        var output = new CollectingOutput();
        await using var runtime = Runtime(output, "http: {enabled: true, host: 127.0.0.1, port: 0}\nqueue.mem.events: 64\nqueue.mem.flush.timeout: 0s");
        var run = await PipelineRun.StartAsync(runtime, CancellationToken.None);
        var port = ListeningPort();
        var client = run.Connect(new ModuleCommonOptions { Module = "sample" }, []);
        for (var i = 0; i < 3; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        await Eventually.HoldsAsync(() => output.Count == 3, "three events delivered");
        var stats = await MonitoringHttp.StatsAsync(port);
        Assert.Equal(64, stats.Value("libbeat.pipeline.queue.max_events"));
        Assert.Equal(3, stats.Value("libbeat.pipeline.events.published"));
        Assert.True(stats.Value("beat.memstats.rss") > 0);
        Assert.True(stats.Value("beat.info.uptime.ms") >= 0);
        Assert.Equal(runtime.Agent.Name, System.Text.Json.JsonDocument.Parse((await MonitoringHttp.GetAsync(port, "/")).Body).RootElement.GetProperty("name").GetString());

        Assert.True(await run.StopAsync(untilDelivered: false, CancellationToken.None));
        await run.DisposeAsync();
        using var late = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => late.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task With_the_default_shutdown_timeout_a_stop_does_not_wait_and_logs_what_was_not_delivered()
    {
        var output = new BlockingOutput { MaxBatchSize = 4 };
        await using var runtime = Runtime(output, string.Empty);
        Assert.Equal(TimeSpan.Zero, runtime.Config.Options.Shipper.ShutdownTimeout);
        await using var run = await PipelineRun.StartAsync(runtime, CancellationToken.None);
        var client = run.Connect(new ModuleCommonOptions { Module = "sample" }, []);
        for (var i = 0; i < 10; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        await Eventually.HoldsAsync(() => output.Calls == 1, "the output holds a batch");
        var delivered = await run.StopAsync(untilDelivered: false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(delivered);
        Assert.Empty(output.Delivered);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message == "Stopped with 10 events not delivered (shipper.shutdown_timeout is 0s)");
        Assert.Contains(_logs.Entries, e => e.Message.Contains("10 abandoned (drain timeout reached)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_shutdown_timeout_lets_a_stop_wait_for_the_output_to_deliver_what_is_queued()
    {
        var output = new BlockingOutput { MaxBatchSize = 4 };
        await using var runtime = Runtime(output, "shipper.shutdown_timeout: 30s");
        await using var run = await PipelineRun.StartAsync(runtime, CancellationToken.None);
        var client = run.Connect(new ModuleCommonOptions { Module = "sample" }, []);
        for (var i = 0; i < 10; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        var stopping = run.StopAsync(untilDelivered: false, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(stopping.IsCompleted);
        output.ReleaseAll();

        Assert.True(await stopping.WaitAsync(Eventually.DefaultTimeout));
        Assert.Equal(Enumerable.Range(0, 10), output.Delivered.Select(TestEvents.SequenceOf));
        Assert.DoesNotContain(_logs.Entries, e => e.Message.StartsWith("Stopped with", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_shutdown_timeout_that_runs_out_counts_the_events_left_behind()
    {
        var output = new BlockingOutput { MaxBatchSize = 4 };
        await using var runtime = Runtime(output, "shipper.shutdown_timeout: 200ms");
        await using var run = await PipelineRun.StartAsync(runtime, CancellationToken.None);
        var client = run.Connect(new ModuleCommonOptions { Module = "sample" }, []);
        for (var i = 0; i < 10; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        await Eventually.HoldsAsync(() => output.Calls == 1, "the output holds a batch");
        output.ReleaseOne();
        await Eventually.HoldsAsync(() => output.Calls == 2, "the second batch is held");

        Assert.False(await run.StopAsync(untilDelivered: false, CancellationToken.None).WaitAsync(Eventually.DefaultTimeout));
        Assert.Equal([0, 1, 2, 3], output.Delivered.Select(TestEvents.SequenceOf));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message == "Stopped with 6 events not delivered (shipper.shutdown_timeout is 200ms)");
    }

    [Fact]
    public async Task A_wait_for_full_delivery_that_is_interrupted_says_so()
    {
        var output = new BlockingOutput();
        await using var runtime = Runtime(output, "shipper.shutdown_timeout: 30s");
        await using var run = await PipelineRun.StartAsync(runtime, CancellationToken.None);
        run.Connect(new ModuleCommonOptions { Module = "sample" }, []).Publish(TestEvents.Numbered(0), CancellationToken.None);
        using var signal = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.False(await run.StopAsync(untilDelivered: true, signal.Token).WaitAsync(Eventually.DefaultTimeout));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message == "Stopped with 1 events not delivered (the wait for delivery was interrupted)");
    }

    [Fact]
    public async Task The_metrics_log_carries_the_process_gauges_even_without_http_and_totals_at_the_end()
    {
        await using var runtime = Runtime(new CollectingOutput(), "logging.metrics.period: 100ms\nshipper.shutdown_timeout: 5s");
        var run = await PipelineRun.StartAsync(runtime, CancellationToken.None);
        run.Connect(new ModuleCommonOptions { Module = "sample" }, []).Publish(TestEvents.Numbered(0), CancellationToken.None);

        await Eventually.HoldsAsync(() => MetricLines().Any(l => l.Contains("beat.memstats.rss=", StringComparison.Ordinal)), "a periodic line with the process gauges");
        await run.StopAsync(untilDelivered: false, CancellationToken.None);
        await run.DisposeAsync();

        var totals = MetricLines().Last();
        Assert.StartsWith("Total non-zero metrics: ", totals, StringComparison.Ordinal);
        Assert.Contains("libbeat.output.events.acked=1 ", totals + " ", StringComparison.Ordinal);
        Assert.Contains("beat.info.uptime.ms=", totals, StringComparison.Ordinal);
    }

    /// <summary>The port from the endpoint's "listening on http://host:port" line.</summary>
    private int ListeningPort()
    {
        const string Prefix = "Monitoring endpoint listening on http://127.0.0.1:";
        var line = Assert.Single(_logs.Entries, e => e.Message.StartsWith(Prefix, StringComparison.Ordinal)).Message;
        return int.Parse(line[Prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private List<string> MetricLines() => [.. _logs.Entries.Where(e => e.Category == "monitoring").Select(e => e.Message)];

    private ShipperRuntime Runtime(IOutput output, string yaml)
    {
        var config = ConfigFiles.Load(_dir, "output.test: {}\n" + yaml);
        return ShipperRuntime.Create(config, _logs, persistAgentId: false, services => services.AddSingleton<IOutputFactory>(new TestOutputFactory(output)));
    }
}
