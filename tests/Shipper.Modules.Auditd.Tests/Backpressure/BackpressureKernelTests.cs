using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Core.Monitoring;
using Shipper.Core.Options;
using Shipper.Core.Pipeline;
using Shipper.Modules.Auditd.Tests.Kernel;
using Shipper.Testing;

namespace Shipper.Modules.Auditd.Tests.Backpressure;

/// <summary>
/// The module behind a real publisher pipeline whose output never acknowledges until the test releases it, with a
/// child process making audited syscalls (getppid, which nothing else here calls in a loop). Times are compared
/// as ratios of the same workload with the output blocked and with it delivering.
/// </summary>
public class BackpressureKernelTests(KernelStateFixture kernel) : KernelTest(kernel)
{
    private const string Key = "shipper-backpressure";

    [KernelFact]
    public async Task Under_userspace_a_blocked_output_neither_stalls_the_socket_nor_slows_audited_processes_and_delivery_resumes()
    {
        Auditctl.Run("-a", "always,exit", "-F", "arch=b64", "-S", "getppid", "-k", Key);
        await using var harness = await Harness.StartAsync(new AuditdOptions { SocketType = SocketType.Unicast, BackpressureStrategy = BackpressureStrategy.Userspace });

        var blocked = Workload.Fastest(syscalls: 20_000);
        await Task.Delay(500);
        var receivedWhileBlocked = harness.Value("auditd.received_msgs");
        var lostWhileBlocked = harness.Value("auditd.userspace_lost");
        var backlogWhileBlocked = int.Parse(Auditctl.Status()["backlog"]);

        harness.Output.ReleaseAll();
        var delivering = Workload.Run(syscalls: 20_000); // a burst of other work here only makes the bound looser
        var resumed = await harness.WaitForDeliveredAsync(TimeSpan.FromSeconds(15));

        Assert.True(lostWhileBlocked > 0, "auditd.userspace_lost should count the events dropped while the output was blocked");
        Assert.True(receivedWhileBlocked > 3 * Harness.QueueCapacity, $"the receive loop should keep reading past a full queue; it read {receivedWhileBlocked} messages");
        Assert.True(backlogWhileBlocked < 1000, $"the kernel's backlog should stay drained, was {backlogWhileBlocked}");
        Assert.True(
            blocked.TotalMilliseconds < 2.0 * delivering.TotalMilliseconds + 200,
            $"an audited process should not be slowed by a blocked output: {blocked.TotalMilliseconds:F0} ms blocked vs {delivering.TotalMilliseconds:F0} ms delivering (ratio {blocked / delivering:F2})");
        Assert.True(resumed, "events should be delivered again once the output recovers, without a restart");
    }

    [KernelFact]
    public async Task Under_none_a_blocked_output_makes_audited_processes_wait_on_the_kernel_backlog()
    {
        // No mitigation: publishing blocks, the socket is no longer read, the kernel's backlog fills and audited
        // processes wait backlog_wait_time for room. A small socket buffer (else 8 MiB of records would queue there
        // first), a small backlog and a 1-tick wait keep the test short.
        Auditctl.Run("-a", "always,exit", "-F", "arch=b64", "-S", "getppid", "-k", Key);
        var options = new AuditdOptions
        {
            SocketType = SocketType.Unicast,
            BackpressureStrategy = BackpressureStrategy.None,
            BacklogLimit = 64,
            BacklogWaitTime = 1,
            ReceiveBufferSize = 16 * 1024,
            ConfiguredKeys = new HashSet<string> { "backlog_limit", "backlog_wait_time", "backpressure_strategy", "socket_type" },
        };
        await using var harness = await Harness.StartAsync(options);

        // First fill what sits between the socket and the output: the event pump's queue, the
        // pipeline's queue and the small socket buffer. Only then does the kernel's backlog stay full.
        var baselineQueueFill = Workload.Run(syscalls: Shipper.Modules.Auditd.Processing.AuditEventPump.QueueCapacity + 300);
        var blocked = Workload.Run(syscalls: 300);
        var statusWhileBlocked = Auditctl.Status();
        harness.Output.ReleaseAll();
        await harness.WaitForDeliveredAsync(TimeSpan.FromSeconds(15));
        var delivering = Workload.Fastest(syscalls: 300);

        Assert.Equal("64", statusWhileBlocked["backlog_limit"]);
        Assert.Equal("1", statusWhileBlocked["backlog_wait_time"]);
        Assert.Equal(0, harness.Value("auditd.userspace_lost"));
        Assert.True(
            blocked > 3 * delivering,
            $"with no mitigation a blocked output should slow audited processes: {blocked.TotalMilliseconds:F0} ms blocked vs {delivering.TotalMilliseconds:F0} ms delivering (after {baselineQueueFill.TotalMilliseconds:F0} ms filling the queue)");
    }

    /// <summary>A child process making <c>syscalls</c> getppid calls; returns its wall time.</summary>
    private static class Workload
    {
        /// <summary>
        /// The least wall time of three runs: the two cores are shared with other test processes, whose bursts only
        /// ever add to a run, so one run's time compared with another's says as much about them as about the kernel.
        /// </summary>
        public static TimeSpan Fastest(int syscalls) => Enumerable.Range(0, 3).Select(_ => Run(syscalls)).Min();

        public static TimeSpan Run(int syscalls)
        {
            var watch = Stopwatch.StartNew();
            using var child = Process.Start("perl", ["-e", $"getppid() for 1..{syscalls}"])!;
            child.WaitForExit();
            Assert.Equal(0, child.ExitCode);
            return watch.Elapsed;
        }
    }

    /// <summary>The module, a real pipeline with a small queue and a blocking output, and the plugin's event handler.</summary>
    private sealed class Harness : IAsyncDisposable
    {
        private readonly PublisherPipeline _pipeline;
        private readonly CancellationTokenSource _stop = new();
        private Task _run = Task.CompletedTask;

        private Harness(PublisherPipeline pipeline, BlockingOutput output, MetricsRegistry metrics)
        {
            _pipeline = pipeline;
            Output = output;
            Metrics = metrics;
        }

        public BlockingOutput Output { get; }

        public MetricsRegistry Metrics { get; }

        public const int QueueCapacity = 64;

        public long Value(string name) => Metrics.Snapshot().FirstOrDefault(p => p.Key == name).Value;

        public static async Task<Harness> StartAsync(AuditdOptions options)
        {
            var metrics = new MetricsRegistry();
            var output = new BlockingOutput();
            var settings = new PipelineSettings
            {
                Agent = TestEvents.Agent,
                Queue = new MemoryQueueOptions { Events = QueueCapacity, Flush = new FlushOptions { MinEvents = 0, Timeout = TimeSpan.Zero } },
                BlockedThreshold = TimeSpan.FromMilliseconds(200),
            };
            var pipeline = new PublisherPipeline(settings, output, metrics, NullLoggerFactory.Instance);
            pipeline.Start();
            var harness = new Harness(pipeline, output, metrics);
            var services = new ServiceCollection();
            new AuditdPlugin().ConfigureServices(services);
            using var provider = services.BuildServiceProvider();
            var module = new AuditdModule(options, NullLogger.Instance, metrics, provider.GetService<IAuditMessageHandlerFactory>(), null);
            harness._run = module.RunAsync(pipeline.Connect(new ClientSettings()), harness._stop.Token);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (Auditctl.Status()["pid"] != Environment.ProcessId.ToString())
            {
                Assert.True(DateTime.UtcNow < deadline, "the module did not register with the kernel");
                await Task.Delay(20);
            }

            return harness;
        }

        /// <summary>True once the output has delivered at least one event carrying the test's key.</summary>
        public async Task<bool> WaitForDeliveredAsync(TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (Output.Delivered.Any(e => System.Text.Json.JsonSerializer.Serialize(e.Fields.ToDictionary()).Contains(Key, StringComparison.Ordinal)))
                {
                    return true;
                }

                await Task.Delay(50);
            }

            return false;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _run.WaitAsync(TimeSpan.FromSeconds(10));
            }
            finally
            {
                await _pipeline.StopAsync(TimeSpan.Zero, CancellationToken.None);
                await _pipeline.DisposeAsync();
                _stop.Dispose();
            }
        }
    }
}
