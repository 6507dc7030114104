using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Modules.Auditd.Netlink;
using Shipper.Modules.Auditd.Tests.Module;
using static Shipper.Modules.Auditd.Tests.Netlink.NetlinkWire;

namespace Shipper.Modules.Auditd.Tests.Netlink;

public class AuditReceiverTests
{
    /// <summary>How long to wait for what must happen; only a failing run waits that long.</summary>
    private static readonly TimeSpan Wait = Shipper.Testing.Eventually.DefaultTimeout;

    private readonly FakeNetlinkTransport _kernel = new();
    private readonly CollectingHandler _handler = new();
    private readonly CollectingMetrics _metrics = new();

    [Fact]
    public async Task Each_message_of_a_datagram_is_handed_over_with_its_type_and_without_the_trailing_nul()
    {
        _kernel.Enqueue(Concat(Event(1300, "audit(1.001:5): syscall=110\0"), Event(1320, "audit(1.001:5): ")));
        using var stop = new CancellationTokenSource();
        var run = Receiver().RunAsync(stop.Token);

        _handler.WaitFor(m => m.Count == 2, Wait);
        await stop.CancelAsync();
        await run;

        Assert.Equal([((ushort)1300, "audit(1.001:5): syscall=110"), ((ushort)1320, "audit(1.001:5): ")], _handler.Messages.ToArray());
        Assert.Equal(2, _metrics.Value("auditd.received_msgs"));
    }

    [Fact]
    public async Task Datagrams_taken_together_in_one_call_are_all_handed_over_in_order_and_a_foreign_one_among_them_is_dropped()
    {
        _kernel.TakesQueuedTogether = true;
        for (var i = 0; i < 40; i++)
        {
            _kernel.Enqueue(Event(1300, $"m{i}"), sender: i == 7 ? 31337u : 0u);
        }

        using var stop = new CancellationTokenSource();
        var run = Receiver().RunAsync(stop.Token);

        _handler.WaitFor(m => m.Count == 39, Wait);
        await stop.CancelAsync();
        await run;

        Assert.Equal(Enumerable.Range(0, 40).Where(i => i != 7).Select(i => $"m{i}"), _handler.Messages.Select(m => m.Text));
        Assert.Equal(1, _metrics.Value("auditd.rejected_msgs"));
    }

    [Fact]
    public async Task A_message_not_sent_by_the_kernel_is_dropped_and_counted()
    {
        _kernel.Enqueue(Event(1300, "forged"), sender: 31337);
        _kernel.Enqueue(Event(1320, "real"));
        using var stop = new CancellationTokenSource();
        var run = Receiver().RunAsync(stop.Token);

        _handler.WaitFor(m => m.Count == 1, Wait);
        await stop.CancelAsync();
        await run;

        Assert.Equal("real", Assert.Single(_handler.Messages).Text);
        Assert.Equal(1, _metrics.Value("auditd.rejected_msgs"));
    }

    [Fact]
    public async Task Netlink_control_messages_such_as_a_late_ack_are_not_audit_records()
    {
        _kernel.Enqueue(Concat(Ack(7), Message(3, 7, new byte[4]), Event(1320, "after")));
        using var stop = new CancellationTokenSource();
        var run = Receiver().RunAsync(stop.Token);

        _handler.WaitFor(m => m.Count == 1, Wait);
        await stop.CancelAsync();
        await run;

        Assert.Equal(((ushort)1320, "after"), Assert.Single(_handler.Messages));
    }

    [Fact]
    public async Task An_overflow_is_counted_reported_as_loss_and_receiving_goes_on()
    {
        _kernel.Enqueue(Event(1300, "before"));
        _kernel.EnqueueOverflow();
        _kernel.EnqueueOverflow();
        _kernel.Enqueue(Event(1300, "after"));
        using var stop = new CancellationTokenSource();
        var run = Receiver().RunAsync(stop.Token);

        _handler.WaitFor(m => m.Count == 2, Wait);
        await stop.CancelAsync();
        await run;

        Assert.Equal(2, _handler.Losses);
        Assert.Equal(2, _metrics.Value("auditd.socket_overflows"));
    }

    [Fact]
    public async Task A_burst_of_overflows_is_logged_at_its_start_and_its_count_at_stop_not_once_each()
    {
        var logger = new CollectingLogger();
        for (var i = 0; i < 50; i++)
        {
            _kernel.EnqueueOverflow();
        }

        _kernel.Enqueue(Event(1300, "after"));
        using var stop = new CancellationTokenSource();
        var run = new AuditReceiver(new AuditNetlinkClient(_kernel), _handler, logger, _metrics, TimeSpan.FromMilliseconds(20)).RunAsync(stop.Token);

        _handler.WaitFor(m => m.Count == 1, Wait);
        await stop.CancelAsync();
        await run;

        var warnings = logger.Entries.Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("overflowed 1 time(s) (ENOBUFS)", warnings[0]);
        Assert.Contains("overflowed 49 time(s) (ENOBUFS)", warnings[1]);
        Assert.Equal(50, _metrics.Value("auditd.socket_overflows"));
    }

    [Fact]
    public async Task Cancellation_stops_the_thread_promptly_while_nothing_arrives()
    {
        using var stop = new CancellationTokenSource();
        var run = Receiver().RunAsync(stop.Token);
        await Task.Delay(50);

        await stop.CancelAsync();
        var receivesAtCancel = _kernel.Receives;
        await run.WaitAsync(Wait);

        // Counted, not timed (how soon this test resumes depends on the machine's load): each receive waits at most
        // the poll interval, and the loop checks the token after every one, so it ends within about one interval.
        Assert.Equal(TimeSpan.FromMilliseconds(20), _kernel.ReceiveTimeout);
        Assert.InRange(_kernel.Receives - receivesAtCancel, 0, 1);
    }

    [Fact]
    public async Task A_handler_that_throws_faults_the_receive_task()
    {
        _handler.OnEach = (_, _) => throw new InvalidOperationException("handler bug");
        _kernel.Enqueue(Event(1300, "x"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Receiver().RunAsync(CancellationToken.None).WaitAsync(Wait));

        Assert.Equal("handler bug", error.Message);
    }

    [Fact]
    public async Task Receiving_allocates_nothing_per_message()
    {
        const int count = 2000;
        var datagram = Event(1300, "audit(1700000000.123:42): arch=c000003e syscall=59 success=yes exit=0");
        for (var i = 0; i < count; i++)
        {
            _kernel.Enqueue(datagram);
        }

        var handler = new AllocationProbe(count);
        using var stop = new CancellationTokenSource();
        var run = new AuditReceiver(new AuditNetlinkClient(_kernel), handler, NullLogger.Instance, _metrics).RunAsync(stop.Token);
        Assert.True(handler.Done.Wait(Wait));
        await stop.CancelAsync();
        await run;

        Assert.Equal(0, handler.AllocatedBetweenFirstAndLast);
    }

    private AuditReceiver Receiver() =>
        new(new AuditNetlinkClient(_kernel), _handler, NullLogger.Instance, _metrics, TimeSpan.FromMilliseconds(20));

    private sealed class AllocationProbe(int expected) : IAuditMessageHandler
    {
        private int _seen;
        private long _first;

        public ManualResetEventSlim Done { get; } = new();

        public long AllocatedBetweenFirstAndLast { get; private set; } = -1;

        public void OnMessage(ushort type, ReadOnlySpan<byte> payload)
        {
            var now = GC.GetAllocatedBytesForCurrentThread();
            if (++_seen == 1)
            {
                _first = now;
            }
            else if (_seen == expected)
            {
                AllocatedBetweenFirstAndLast = now - _first;
                Done.Set();
            }
        }

        public void OnLoss(long count)
        {
        }
    }
}
