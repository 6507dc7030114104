using Shipper.Modules.Auditd.Parsing;
using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Tests.Reassembly;

public class ReassemblerTests
{
    [Fact]
    public void A_syscall_event_is_complete_on_its_eoe_with_the_eoe_left_out()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Live);

        harness.Kernel(RecordTypes.Syscall, 10);
        harness.Kernel(RecordTypes.Path, 10);
        Assert.Empty(harness.Sink.Events);
        harness.Kernel(RecordTypes.Eoe, 10);

        var completed = Assert.Single(harness.Sink.Events);
        Assert.Equal(CompletionReason.EndOfEvent, completed.Reason);
        Assert.Equal([RecordTypes.Syscall, RecordTypes.Path], completed.Types);
        Assert.False(completed.Incomplete);
    }

    [Fact]
    public void A_user_space_record_is_an_event_by_itself()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Live);

        harness.Kernel(1100, 5, "pid=1 msg='op=PAM:authentication res=success'");

        Assert.Equal(CompletionReason.Standalone, Assert.Single(harness.Sink.Events).Reason);
        Assert.Equal(0, harness.Reassembler.InFlight);
    }

    [Fact]
    public void Records_of_interleaved_events_thousands_of_records_apart_go_to_their_own_event()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Live);

        harness.Kernel(RecordTypes.Syscall, 1);
        for (uint serial = 2; serial < 20_000; serial++)
        {
            harness.KernelEvent(serial);
        }

        harness.Kernel(RecordTypes.Cwd, 1);
        harness.Kernel(RecordTypes.Eoe, 1);

        Assert.Equal(19_999, harness.Sink.Events.Count);
        Assert.All(harness.Sink.Events, e => Assert.False(e.Incomplete));
        Assert.Equal([RecordTypes.Syscall, RecordTypes.Cwd], harness.Sink.Events[^1].Types);
        Assert.Equal(0, harness.Counters.FlushedIncomplete.Value);
        Assert.Equal(0, harness.Counters.SeqGaps.Value);
    }

    [Fact]
    public void A_later_serial_that_arrives_first_is_not_a_gap()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Live);

        harness.KernelEvent(1);
        harness.KernelEvent(3);
        harness.KernelEvent(2);
        harness.Now = 60_000;
        harness.Reassembler.Tick(harness.Now);

        Assert.Equal(0, harness.Counters.SeqGaps.Value);
        Assert.Equal([1u, 3u, 2u], harness.Sink.Events.Select(e => e.Serial));
    }

    [Fact]
    public void Serials_that_never_arrive_are_counted_once_the_max_age_passed()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Live);

        harness.KernelEvent(100);
        harness.KernelEvent(110);
        harness.Now = 29_000;
        harness.Reassembler.Tick(harness.Now);
        Assert.Equal(0, harness.Counters.SeqGaps.Value);

        harness.Now = 31_000;
        harness.Reassembler.Tick(harness.Now);
        Assert.Equal(9, harness.Counters.SeqGaps.Value);
    }

    [Fact]
    public void The_serial_wrapping_from_the_highest_value_to_zero_is_not_a_gap()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Live);

        harness.KernelEvent(uint.MaxValue - 1);
        harness.KernelEvent(uint.MaxValue);
        harness.KernelEvent(0);
        harness.KernelEvent(2);
        harness.Reassembler.Flush();

        Assert.Equal(1, harness.Counters.SeqGaps.Value);
        Assert.Equal(4, harness.Sink.Events.Count);
    }

    [Fact]
    public void A_record_arriving_after_its_event_was_flushed_is_dropped_and_counted_not_a_second_event()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Live);

        harness.Kernel(RecordTypes.Syscall, 7);
        harness.Now = 31_000;
        harness.Reassembler.Tick(harness.Now);
        harness.Kernel(RecordTypes.Path, 7);
        harness.Kernel(RecordTypes.Eoe, 7);

        var flushed = Assert.Single(harness.Sink.Events);
        Assert.Equal(CompletionReason.Age, flushed.Reason);
        Assert.True(flushed.Incomplete);
        Assert.Equal(1, harness.Counters.FlushedIncomplete.Value);
        Assert.Equal(1, harness.Counters.LateRecords.Value);
        Assert.Equal(0, harness.Counters.SeqGaps.Value);
    }

    [Fact]
    public void A_syscall_event_waits_for_its_eoe_past_the_quiet_time()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Live);

        harness.Kernel(RecordTypes.Syscall, 7);
        harness.KernelEvent(8);
        harness.Now = 10_000;
        harness.Reassembler.Tick(harness.Now);
        harness.Kernel(RecordTypes.Eoe, 7);

        Assert.Equal([8u, 7u], harness.Sink.Events.Select(e => e.Serial));
        Assert.All(harness.Sink.Events, e => Assert.Equal(CompletionReason.EndOfEvent, e.Reason));
    }

    [Fact]
    public void A_kernel_record_without_a_syscall_completes_after_the_quiet_time_once_the_serial_moved_on()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Live);

        harness.Kernel(RecordTypes.ConfigChange, 7, "op=add_rule res=1");
        harness.Now = 5_000;
        harness.Reassembler.Tick(harness.Now);
        Assert.Empty(harness.Sink.Events);

        harness.KernelEvent(8);
        harness.Now = 10_000;
        harness.Reassembler.Tick(harness.Now);

        Assert.Equal(CompletionReason.Quiet, harness.Sink.Events.Single(e => e.Serial == 7).Reason);
        Assert.Equal(0, harness.Counters.FlushedIncomplete.Value);
    }

    [Fact]
    public void Memory_beyond_the_bound_forces_out_the_oldest_events_and_counts_them()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Live, new ReassemblerOptions { MaxBytes = 64 << 10 });

        for (uint serial = 1; serial <= 200; serial++)
        {
            harness.Kernel(RecordTypes.Syscall, serial, "a=" + new string('x', 600));
        }

        Assert.True(harness.Reassembler.InFlightBytes <= 64 << 10);
        Assert.NotEmpty(harness.Sink.Events);
        Assert.Equal(1u, harness.Sink.Events[0].Serial);
        Assert.All(harness.Sink.Events, e => Assert.Equal(CompletionReason.Memory, e.Reason));
        Assert.Equal(harness.Sink.Events.Count, harness.Counters.FlushedIncomplete.Value);
    }

    [Fact]
    public void Log_input_completes_a_syscall_event_on_its_proctitle()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Log);

        harness.Log("type=SYSCALL msg=audit(1611091464.740:263): arch=c000003e syscall=260 success=yes");
        harness.Log("type=CWD msg=audit(1611091464.740:263):  cwd=\"/home/vagrant\"");
        harness.Log("type=PROCTITLE msg=audit(1611091464.740:263): proctitle=63686F776E");

        var completed = Assert.Single(harness.Sink.Events);
        Assert.Equal(CompletionReason.Proctitle, completed.Reason);
        Assert.Equal(3, completed.Types.Count);
    }

    [Fact]
    public void Log_input_without_proctitle_completes_once_the_records_time_moved_past_the_quiet_time()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Log);

        harness.Log("type=SYSCALL msg=audit(1000.000:1): syscall=2");
        harness.Log("type=PATH msg=audit(1000.000:1): item=0");
        harness.Log("type=SYSCALL msg=audit(1001.000:2): syscall=2");
        Assert.Empty(harness.Sink.Events);
        harness.Log("type=SYSCALL msg=audit(1002.500:3): syscall=2");

        var first = Assert.Single(harness.Sink.Events);
        Assert.Equal(1u, first.Serial);
        Assert.Equal(CompletionReason.Quiet, first.Reason);
        Assert.False(first.Incomplete);

        harness.Reassembler.Flush();
        Assert.Equal([1u, 2u, 3u], harness.Sink.Events.Select(e => e.Serial));
        Assert.All(harness.Sink.Events, e => Assert.False(e.Incomplete));
    }

    [Fact]
    public void Logs_given_newest_first_complete_their_events_as_the_input_moves_on_not_at_its_end()
    {
        // shipper replay audit.log audit.log.1: the second file's records are older than the first's, so record time
        // never passes the quiet time again; its syscall events (no PROCTITLE, as on older kernels) must still leave.
        var harness = new ReassemblerHarness(ReassemblerMode.Log);
        harness.Log("type=SYSCALL msg=audit(2000.000:900000): syscall=2");
        var peakInFlight = 0;
        const int olderEvents = 30_000;
        for (var serial = 1; serial <= olderEvents; serial++)
        {
            harness.Log($"type=SYSCALL msg=audit(1000.000:{serial}): syscall=2");
            harness.Log($"type=PATH msg=audit(1000.000:{serial}): item=0 name=\"/etc/passwd\"");
            peakInFlight = Math.Max(peakInFlight, harness.Reassembler.InFlight);
        }

        var beforeEnd = harness.Sink.Events.Count;
        harness.Reassembler.Flush();

        Assert.True(beforeEnd >= olderEvents - (2 * Reassembler.LogQuietRecords), $"only {beforeEnd} of {olderEvents + 1} events left before the end of the input");
        Assert.True(peakInFlight <= Reassembler.LogQuietRecords, $"{peakInFlight} events were held at once");
        Assert.Equal(olderEvents + 1, harness.Sink.Events.Count);
        Assert.All(harness.Sink.Events, e => Assert.Equal(2 - (e.Serial == 900000 ? 1 : 0), e.Types.Count));
        Assert.DoesNotContain(harness.Sink.Events, e => e.Incomplete);
        Assert.Equal(CompletionReason.Quiet, harness.Sink.Events[0].Reason);
    }

    [Fact]
    public void Events_of_different_nodes_with_the_same_serial_stay_apart()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Log);

        harness.Log("node=a type=SYSCALL msg=audit(1.000:5): syscall=2");
        harness.Log("node=b type=SYSCALL msg=audit(1.000:5): syscall=3");
        harness.Log("node=a type=PROCTITLE msg=audit(1.000:5): proctitle=41");
        harness.Log("node=b type=PROCTITLE msg=audit(1.000:5): proctitle=42");

        Assert.Equal(["a", "b"], harness.Sink.Events.Select(e => e.Node));
        Assert.All(harness.Sink.Events, e => Assert.Equal(2, e.Types.Count));
    }

    [Fact]
    public void A_restart_of_the_numbering_in_a_log_is_not_counted_as_loss()
    {
        var harness = new ReassemblerHarness(ReassemblerMode.Log);

        harness.Log("type=SYSCALL msg=audit(1000.000:3000000000): syscall=2");
        harness.Log("type=SYSCALL msg=audit(2000.000:1): syscall=2");
        harness.Log("type=SYSCALL msg=audit(2000.000:2): syscall=2");
        harness.Reassembler.Flush();

        Assert.Equal(0, harness.Counters.SeqGaps.Value);
    }
}
