using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shipper.Modules.Auditd.Control;
using Shipper.Modules.Auditd.Normalization;
using Shipper.Modules.Auditd.Processing;
using Shipper.Modules.Auditd.Tests.Module;

namespace Shipper.Modules.Auditd.Tests.Processing;

public class AuditEventPumpTests
{
    /// <summary>How long to wait for what must happen; only a failing run waits that long.</summary>
    private static readonly TimeSpan Wait = Shipper.Testing.Eventually.DefaultTimeout;

    private readonly CollectingPipelineClient _pipeline = new();
    private readonly CollectingMetrics _metrics = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Records_of_one_event_become_one_document_when_its_eoe_arrives()
    {
        using var pump = Pump(userspace: false);

        Send(pump, 1300, 7, "arch=c000003e syscall=257 success=yes exit=3 items=1 ppid=1 pid=9 auid=1000 uid=0 comm=\"cat\" exe=\"/usr/bin/cat\" key=\"watch\"");
        Send(pump, 1307, 7, "cwd=\"/root\"");
        Send(pump, 1302, 7, "item=0 name=\"/etc/hosts\" inode=12 dev=08:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL");
        Assert.Empty(_pipeline.Events);
        Send(pump, 1320, 7, string.Empty);

        _pipeline.WaitFor(e => e.Count == 1, Wait);
        var document = Assert.Single(_pipeline.Events);
        Assert.Equal("/etc/hosts", document.Fields.GetValueOrDefault("file.path"));
        Assert.Equal("openat", document.Fields.GetValueOrDefault("auditd.data.syscall"));
        Assert.Equal("/root", document.Fields.GetValueOrDefault("process.working_directory"));
        Assert.Equal(new object?[] { "watch" }, (List<object?>)document.Fields.GetValueOrDefault("tags")!);
    }

    [Fact]
    public void Under_userspace_backpressure_whole_events_are_dropped_and_counted_never_single_records()
    {
        using var pump = Pump(userspace: true);

        // The event starts while the pipeline is fine and completes while it pushes back: dropped whole.
        Send(pump, 1300, 1, "syscall=2 pid=1");
        _pipeline.Full = true;
        Send(pump, 1302, 1, "item=0 name=\"/a\"");
        Send(pump, 1320, 1, string.Empty);
        Send(pump, 1300, 2, "syscall=2 pid=2");
        // Pressure ends before event 2 completes: it is published with every record.
        _pipeline.Full = false;
        Send(pump, 1302, 2, "item=0 name=\"/b\"");
        Send(pump, 1320, 2, string.Empty);

        _pipeline.WaitFor(e => e.Count == 1, Wait);
        Assert.Equal(1, _metrics.Value("auditd.userspace_lost"));
        var published = Assert.Single(_pipeline.Events);
        Assert.Equal(2u, published.Fields.GetValueOrDefault("auditd.sequence"));
        Assert.Single((List<object?>)published.Fields.GetValueOrDefault("auditd.paths")!);
    }

    [Fact]
    public void Under_userspace_backpressure_the_receive_loop_never_waits()
    {
        using var pump = Pump(userspace: true);
        _pipeline.Full = true;

        var clock = Stopwatch.StartNew();
        for (uint serial = 1; serial <= 20_000; serial++)
        {
            Send(pump, 1300, serial, "syscall=2 pid=1");
            Send(pump, 1320, serial, string.Empty);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(20_000, _metrics.Value("auditd.userspace_lost"));
        Assert.Empty(_pipeline.Events);
    }

    [Fact]
    public void Without_userspace_dropping_a_full_pipeline_delays_events_but_loses_none()
    {
        var pump = Pump(userspace: false);
        _pipeline.Full = true;
        for (uint serial = 1; serial <= 10; serial++)
        {
            Send(pump, 1300, serial, "syscall=2 pid=1");
            Send(pump, 1320, serial, string.Empty);
        }

        Thread.Sleep(100);
        Assert.Empty(_pipeline.Events);
        _pipeline.Full = false;
        pump.Dispose();

        Assert.Equal(10, _pipeline.Events.Count);
        Assert.Equal(0, _metrics.Value("auditd.userspace_lost"));
    }

    [Fact]
    public void Stopping_flushes_events_still_being_assembled_marked_incomplete()
    {
        var pump = Pump(userspace: false);
        Send(pump, 1300, 5, "syscall=2 pid=1");

        pump.Dispose();

        var document = Assert.Single(_pipeline.Events);
        Assert.Contains("auditd_incomplete", (List<object?>)document.Fields.GetValueOrDefault("tags")!);
        Assert.Equal(1, _metrics.Value("auditd.events_flushed_incomplete"));
    }

    [Fact]
    public void An_event_waiting_for_its_eoe_is_flushed_by_age_on_the_timer()
    {
        using var pump = Pump(userspace: false);
        Send(pump, 1300, 5, "syscall=2 pid=1");

        _time.Advance(TimeSpan.FromSeconds(31));

        _pipeline.WaitFor(e => e.Count == 1, Wait);
        Assert.Equal(1, _metrics.Value("auditd.events_flushed_incomplete"));
    }

    [Fact]
    public void Malformed_messages_and_control_replies_are_counted_or_skipped_without_throwing()
    {
        using var pump = Pump(userspace: false);

        pump.OnMessage(1300, "garbage"u8);
        pump.OnMessage(1329, "audit(1.0:1): x"u8);
        pump.OnMessage(1000, "anything"u8);
        pump.OnLoss(2);

        Assert.Equal(1, _metrics.Value("auditd.malformed_records"));
        Assert.Equal(2, _metrics.Value("auditd.receive_losses"));
        Assert.Equal(0, pump.InFlight);
    }

    [Fact]
    public void Serials_skipped_by_the_kernel_are_counted_as_gaps_once_the_max_age_passed()
    {
        var pump = Pump(userspace: false);
        Send(pump, 1100, 10, "pid=1 msg='op=x res=success'");
        Send(pump, 1100, 14, "pid=1 msg='op=x res=success'");

        _time.Advance(TimeSpan.FromSeconds(31));
        SpinWait.SpinUntil(() => _metrics.Value("auditd.reassembler_seq_gaps") == 3, Wait);
        pump.Dispose();

        Assert.Equal(3, _metrics.Value("auditd.reassembler_seq_gaps"));
        Assert.Equal(2, _pipeline.Events.Count);
    }

    private AuditEventPump Pump(bool userspace) =>
        new(
            new AuditMessageHandlerContext(_pipeline, new AuditdOptions(), new BackpressurePlan(false, userspace), NullLogger.Instance, _metrics, CancellationToken.None),
            _time,
            new NormalizerOptions());

    private static void Send(AuditEventPump pump, ushort type, uint serial, string body) =>
        pump.OnMessage(type, Encoding.UTF8.GetBytes($"audit(1700000000.000:{serial}): {body}"));
}
