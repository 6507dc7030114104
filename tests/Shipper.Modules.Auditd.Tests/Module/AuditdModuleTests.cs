using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Modules.Auditd.Netlink;
using Shipper.Modules.Auditd.Tests.Control;
using static Shipper.Modules.Auditd.Tests.Netlink.NetlinkWire;

namespace Shipper.Modules.Auditd.Tests.Module;

public class AuditdModuleTests
{
    /// <summary>How long to wait for what must happen; only a failing run waits that long.</summary>
    private static readonly TimeSpan Wait = Shipper.Testing.Eventually.DefaultTimeout;
    private static readonly Version Modern = new(6, 18);

    private readonly FakeAuditKernel _kernel = new(enabled: 0, failure: 1, backlogLimit: 64, backlogWaitTime: 15000);
    private readonly CollectingPipelineClient _pipeline = new();
    private readonly CollectingMetrics _metrics = new();
    private readonly List<AuditSocketMode> _opened = [];

    [Fact]
    public async Task Without_rules_it_listens_with_multicast_publishes_each_event_and_restores_enabled_on_stop()
    {
        using var stop = new CancellationTokenSource();
        var run = Module(new AuditdOptions()).RunAsync(_pipeline, stop.Token);

        _pipeline.WaitFor(e => e.Count == 1, Wait);
        var enabledWhileRunning = _kernel.Enabled;
        await stop.CancelAsync();
        await run;

        Assert.Equal([AuditSocketMode.Unicast, AuditSocketMode.Multicast], _opened);
        Assert.Equal(1u, enabledWhileRunning);
        Assert.Equal((0u, 1u, 64u), (_kernel.Enabled, _kernel.Failure, _kernel.BacklogLimit));
        Assert.DoesNotContain(_kernel.Sets, s => (s.Mask & (uint)AuditStatusMask.Pid) != 0);
        var published = Assert.Single(_pipeline.Events);
        Assert.Equal(("syscall", 42u, "execve"), (published.Fields.GetValueOrDefault("auditd.message_type"), published.Fields.GetValueOrDefault("auditd.sequence"), published.Fields.GetValueOrDefault("auditd.data.syscall")));
        Assert.Equal(2, _metrics.Value("auditd.received_msgs"));
    }

    [Fact]
    public async Task With_unicast_it_registers_on_the_event_socket_and_unregisters_and_restores_on_stop()
    {
        using var stop = new CancellationTokenSource();
        var run = Module(new AuditdOptions { SocketType = SocketType.Unicast }).RunAsync(_pipeline, stop.Token);

        _pipeline.WaitFor(e => e.Count == 1, Wait);
        var running = (_kernel.Pid, _kernel.Failure, _kernel.BacklogLimit, _kernel.BacklogWaitTime);
        await stop.CancelAsync();
        await run;

        Assert.Equal(((uint)Environment.ProcessId, 0u, 8192u, 0u), running);
        Assert.Contains(_kernel.Transports[1].Sent, d => TypeOf(d) == 1001 && (Field(PayloadOf(d), 0) & 0x04) != 0);
        Assert.Equal((0u, 0u, 1u, 64u, 15000u), (_kernel.Pid, _kernel.Enabled, _kernel.Failure, _kernel.BacklogLimit, _kernel.BacklogWaitTime));
    }

    [Fact]
    public async Task Configured_rules_are_installed_through_the_installer_before_settings_are_applied()
    {
        var rules = new FakeRuleInstaller(() => _kernel.Enabled);
        using var stop = new CancellationTokenSource();
        var run = Module(new AuditdOptions { AuditRules = "-w /etc/passwd -p wa -k identity" }, rules: rules).RunAsync(_pipeline, stop.Token);

        _pipeline.WaitFor(e => e.Count == 1, Wait);
        await stop.CancelAsync();
        await run;

        Assert.Equal((1, 0u), (rules.Installs, rules.EnabledAtInstall));
        Assert.Equal(AuditSocketMode.Unicast, _opened[1]);
        Assert.Equal(1, rules.OwnRuleRemovals);
    }

    [Fact]
    public async Task A_handler_factory_replaces_the_event_pump_and_its_handler_is_disposed_after_receiving()
    {
        var handlers = new RecordingHandlerFactory();
        using var stop = new CancellationTokenSource();
        var run = Module(new AuditdOptions { BackpressureStrategy = BackpressureStrategy.Userspace }, handlers).RunAsync(_pipeline, stop.Token);

        Assert.True(SpinWait.SpinUntil(() => handlers.Handler?.Messages == 2, Wait), "the handler got both records");
        await stop.CancelAsync();
        await run;

        Assert.Empty(_pipeline.Events);
        Assert.True(handlers.Handler!.Disposed);
        Assert.True(handlers.Context!.Backpressure.Userspace);
        Assert.Same(_pipeline, handlers.Context.Client);
    }

    [Fact]
    public async Task A_kernel_refusal_at_start_fails_the_module_with_the_reason_and_changes_nothing()
    {
        _kernel.Fields[3] = 4242;

        var error = await Assert.ThrowsAsync<AuditKernelException>(() =>
            Module(new AuditdOptions { SocketType = SocketType.Unicast }).RunAsync(_pipeline, CancellationToken.None));

        Assert.Contains("another process (PID 4242", error.Message);
        Assert.Equal((0u, 1u, 64u, 15000u), (_kernel.Enabled, _kernel.Failure, _kernel.BacklogLimit, _kernel.BacklogWaitTime));
    }

    private AuditdModule Module(AuditdOptions options, IAuditMessageHandlerFactory? handlers = null, FakeRuleInstaller? rules = null) =>
        new(options, NullLogger.Instance, _metrics, handlers, rules, Open, () => Modern);

    private AuditNetlinkClient Open(AuditSocketMode mode, int receiveBufferBytes)
    {
        _opened.Add(mode);
        var client = _kernel.Client();
        var record = Event(1300, "audit(1700000000.123:42): arch=c000003e syscall=59");
        var end = Event(1320, "audit(1700000000.123:42): ");
        var events = _kernel.Transports[^1];
        if (_opened.Count == 2 && mode == AuditSocketMode.Multicast)
        {
            events.Enqueue(record);
            events.Enqueue(end);
        }
        else if (_opened.Count == 2)
        {
            // As the kernel does: records flow to a unicast socket only after the ACK of its registration.
            var answer = events.Respond!;
            events.Respond = request => [.. answer(request), record, end];
        }

        return client;
    }

    private sealed class RecordingHandlerFactory : IAuditMessageHandlerFactory
    {
        public AuditMessageHandlerContext? Context { get; private set; }

        public RecordingHandler? Handler { get; private set; }

        public IAuditMessageHandler Create(AuditMessageHandlerContext context)
        {
            Context = context;
            return Handler = new RecordingHandler();
        }
    }

    private sealed class RecordingHandler : IAuditMessageHandler, IDisposable
    {
        private int _messages;

        public int Messages => Volatile.Read(ref _messages);

        public bool Disposed { get; private set; }

        public void OnMessage(ushort type, ReadOnlySpan<byte> payload) => Interlocked.Increment(ref _messages);

        public void OnLoss(long count)
        {
        }

        public void Dispose() => Disposed = true;
    }
}
