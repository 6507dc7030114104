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
    public void A_jump_of_millions_of_serials_is_one_gap_counted_in_full()
    {
        var tracker = new SerialGapTracker();
        tracker.Observe(100, 0);
        tracker.Observe(10_000_100, 0);
        tracker.Observe(5_000_000, 1);
        tracker.Observe(10_000_101, 2);

        Assert.Equal(9_999_998, tracker.Missing);
        Assert.Equal(9_999_998, tracker.ExpireAll());
        Assert.Equal(0, tracker.Missing);
    }

    [Fact]
    public void Late_serials_inside_a_gap_split_it_and_only_the_rest_is_lost()
    {
        var tracker = new SerialGapTracker();
        tracker.Observe(10, 0);
        tracker.Observe(20, 0);
        tracker.Observe(15, 1);
        tracker.Observe(11, 1);
        tracker.Observe(19, 1);
        tracker.Observe(15, 2);

        Assert.Equal(6, tracker.Missing);
        Assert.Equal(6, tracker.ExpireAll());
    }

    [Fact]
    public void Gaps_expire_by_the_time_they_were_skipped()
    {
        var tracker = new SerialGapTracker();
        tracker.Observe(1, 0);
        tracker.Observe(3, 100);
        tracker.Observe(6, 200);

        Assert.Equal(1, tracker.Expire(150));
        Assert.Equal(2, tracker.Missing);
        Assert.Equal(2, tracker.Expire(250));
        Assert.Equal(3, tracker.Lost);
    }

    [Fact]
    public void Gaps_beyond_the_tracking_bound_are_counted_at_once()
    {
        var tracker = new SerialGapTracker();
        uint serial = 0;
        tracker.Observe(serial, 0);
        for (var i = 0; i < SerialGapTracker.MaxTracked; i++)
        {
            serial += 2;
            tracker.Observe(serial, 0);
        }

        var lostNow = tracker.Observe(serial + 4, 0);

        Assert.Equal(3, lostNow);
        Assert.Equal(SerialGapTracker.MaxTracked, tracker.Missing);
        Assert.Equal(SerialGapTracker.MaxTracked + 3, tracker.ExpireAll() + lostNow);
    }

    [Fact]
    public void After_a_restart_of_the_numbering_late_serials_fill_the_new_gaps_and_old_gaps_still_expire()
    {
        var tracker = new SerialGapTracker();
        tracker.Observe(50_000_000, 0);
        tracker.Observe(50_000_003, 0);
        tracker.Observe(100, 10);
        tracker.Observe(110, 10);
        tracker.Observe(105, 11);
        tracker.Observe(50_000_001, 12);

        Assert.Equal(10, tracker.Missing);
        Assert.Equal(10, tracker.ExpireAll());
    }
}
