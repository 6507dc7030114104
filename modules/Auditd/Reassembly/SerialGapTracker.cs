namespace Shipper.Modules.Auditd.Reassembly;

/// <summary>
/// Counts serials that never arrived. Serials are compared as 32-bit sequence numbers (so 4294967295 → 0 is one
/// step, not a gap of four billion). A serial skipped over is only "missing" at first: records arrive out of order
/// under load, so it counts as lost only when it has not shown up within the reassembler's max age (or when the
/// input ends). A late record therefore never produces a negative or wrapped count. A jump of more than
/// <see cref="ResetDistance"/> either way is a restart of the numbering (a reboot in a log file), not a loss.
/// </summary>
public sealed class SerialGapTracker
{
    /// <summary>Distances beyond this are a restart of the serial numbering, not lost events.</summary>
    public const int ResetDistance = 1 << 24;

    /// <summary>At most this many missing serials are remembered; any beyond are counted lost at once.</summary>
    public const int MaxTracked = 1 << 16;

    private readonly HashSet<uint> _missing = [];
    private readonly Queue<(uint Serial, long Since)> _order = new();
    private uint _highest;
    private bool _started;

    /// <summary>Serials counted as lost so far.</summary>
    public long Lost { get; private set; }

    /// <summary>Serials skipped over and not (yet) seen.</summary>
    public int Missing => _missing.Count;

    /// <summary>Notes a record's serial at time <paramref name="now"/> (milliseconds). Returns serials newly counted lost.</summary>
    public long Observe(uint serial, long now)
    {
        if (!_started)
        {
            _started = true;
            _highest = serial;
            return 0;
        }

        var distance = unchecked((int)(serial - _highest));
        if (distance == 0)
        {
            return 0;
        }

        if (distance is > ResetDistance or < -ResetDistance)
        {
            _highest = serial;
            return 0;
        }

        if (distance < 0)
        {
            _missing.Remove(serial);
            return 0;
        }

        long lostNow = 0;
        for (var step = 1u; step < (uint)distance; step++)
        {
            var skipped = unchecked(_highest + step);
            if (_missing.Count >= MaxTracked)
            {
                lostNow++;
            }
            else if (_missing.Add(skipped))
            {
                _order.Enqueue((skipped, now));
            }
        }

        _highest = serial;
        Lost += lostNow;
        return lostNow;
    }

    /// <summary>Counts as lost the serials missing since before <paramref name="cutoff"/>. Returns how many.</summary>
    public long Expire(long cutoff)
    {
        long lostNow = 0;
        while (_order.TryPeek(out var oldest) && oldest.Since <= cutoff)
        {
            _order.Dequeue();
            if (_missing.Remove(oldest.Serial))
            {
                lostNow++;
            }
        }

        Lost += lostNow;
        return lostNow;
    }

    /// <summary>Counts every still-missing serial as lost (end of input). Returns how many.</summary>
    public long ExpireAll() => Expire(long.MaxValue);
}
