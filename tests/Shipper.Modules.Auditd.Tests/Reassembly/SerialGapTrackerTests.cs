using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Tests.Reassembly;

public class SerialGapTrackerTests
{
    [Fact]
    public void Skipped_serials_are_missing_until_they_expire()
    {
        var tracker = new SerialGapTracker();
        tracker.Observe(10, 0);
        tracker.Observe(14, 0);

        Assert.Equal(3, tracker.Missing);
        Assert.Equal(0, tracker.Lost);
        Assert.Equal(3, tracker.Expire(0));
        Assert.Equal(3, tracker.Lost);
    }

    [Fact]
    public void A_late_serial_fills_its_gap()
    {
        var tracker = new SerialGapTracker();
        tracker.Observe(10, 0);
        tracker.Observe(12, 0);
        tracker.Observe(11, 5);

        Assert.Equal(0, tracker.ExpireAll());
    }

    [Fact]
    public void Wrapping_past_the_highest_serial_counts_only_the_serials_skipped()
    {
        var tracker = new SerialGapTracker();
        tracker.Observe(uint.MaxValue - 2, 0);
        tracker.Observe(1, 0);

        Assert.Equal(3, tracker.ExpireAll());
    }

    [Fact]
    public void An_old_serial_after_a_newer_one_never_makes_a_huge_count()
    {
        var tracker = new SerialGapTracker();
        tracker.Observe(1000, 0);
        tracker.Observe(900, 0);
        tracker.Observe(1001, 0);

        Assert.Equal(0, tracker.ExpireAll());
    }

    [Fact]
    public void A_gap_larger_than_the_tracking_bound_is_counted_at_once()
    {
        var tracker = new SerialGapTracker();
        tracker.Observe(0, 0);

        var lostNow = tracker.Observe(SerialGapTracker.MaxTracked + 101, 0);

        Assert.Equal(100, lostNow);
        Assert.Equal(SerialGapTracker.MaxTracked + 100, tracker.Observe(SerialGapTracker.MaxTracked + 102, 0) + tracker.ExpireAll() + lostNow);
    }
}
