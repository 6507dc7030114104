namespace Shipper.Modules.Auditd.Reassembly;

/// <summary>
/// Counts serials that never arrived. Serials are compared as 32-bit sequence numbers (so 4294967295 → 0 is one
/// step, not a gap of four billion). A serial skipped over is only "missing" at first: records arrive out of order
/// under load, so it counts as lost only when it has not shown up within the reassembler's max age (or when the
/// input ends). A late record therefore never produces a negative or wrapped count. A jump of more than
/// <see cref="ResetDistance"/> either way is a restart of the numbering (a reboot in a log file), not a loss.
/// Skipped serials are kept as runs (one entry per jump, split when a late serial lands inside), so a jump of a
/// million serials (an excerpt of a log) costs one entry, not a million.
/// </summary>
public sealed class SerialGapTracker
{
    /// <summary>Distances beyond this are a restart of the serial numbering, not lost events.</summary>
    public const int ResetDistance = 1 << 24;

    /// <summary>At most this many runs of missing serials are remembered; a jump beyond that is counted lost at once.</summary>
    public const int MaxTracked = 1 << 16;

    // Runs in the order they were skipped (so also by age, and by serial since the last restart of the numbering);
    // removed from the front as they expire.
    private readonly List<Run> _runs = [];
    private int _first;
    private int _epoch;
    private uint _highest;
    private bool _started;

    /// <summary>Serials counted as lost so far.</summary>
    public long Lost { get; private set; }

    /// <summary>Serials skipped over and not (yet) seen.</summary>
    public long Missing { get; private set; }

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
            // Runs of the old numbering still expire by age, but are no longer searched for late serials.
            _highest = serial;
            _epoch = _runs.Count;
            return 0;
        }

        if (distance < 0)
        {
            Fill(serial);
            return 0;
        }

        var skipped = (uint)distance - 1;
        var start = unchecked(_highest + 1);
        _highest = serial;
        if (skipped == 0)
        {
            return 0;
        }

        if (_runs.Count - _first >= MaxTracked)
        {
            Lost += skipped;
            return skipped;
        }

        _runs.Add(new Run(start, skipped, now));
        Missing += skipped;
        return 0;
    }

    /// <summary>Counts as lost the serials missing since before <paramref name="cutoff"/>. Returns how many.</summary>
    public long Expire(long cutoff)
    {
        long lostNow = 0;
        while (_first < _runs.Count && _runs[_first].Since <= cutoff)
        {
            lostNow += _runs[_first].Count;
            _first++;
        }

        if (_first == _runs.Count)
        {
            _runs.Clear();
            _first = 0;
            _epoch = 0;
        }
        else if (_first > 1024 && _first > _runs.Count / 2)
        {
            _runs.RemoveRange(0, _first);
            _epoch = Math.Max(0, _epoch - _first);
            _first = 0;
        }

        Missing -= lostNow;
        Lost += lostNow;
        return lostNow;
    }

    /// <summary>Counts every still-missing serial as lost (end of input). Returns how many.</summary>
    public long ExpireAll() => Expire(long.MaxValue);

    /// <summary>A late serial: removes it from the run that holds it, found by binary search (runs of one numbering are in serial order).</summary>
    private void Fill(uint serial)
    {
        // Distances back from the highest serial shrink along the list; find the last run starting at or before the serial.
        var behind = unchecked(_highest - serial);
        int low = Math.Max(_first, _epoch), high = _runs.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (unchecked(_highest - _runs[middle].Start) >= behind)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (found >= 0)
        {
            var i = found;
            var run = _runs[i];
            var offset = unchecked(serial - run.Start);
            if (offset >= run.Count)
            {
                return;
            }

            Missing--;
            if (run.Count == 1)
            {
                _runs[i] = run with { Count = 0 };
            }
            else if (offset == 0)
            {
                _runs[i] = run with { Start = unchecked(serial + 1), Count = run.Count - 1 };
            }
            else if (offset == run.Count - 1)
            {
                _runs[i] = run with { Count = run.Count - 1 };
            }
            else
            {
                _runs[i] = run with { Count = offset };
                _runs.Insert(i + 1, new Run(unchecked(serial + 1), run.Count - offset - 1, run.Since));
            }

            return;
        }
    }

    private readonly record struct Run(uint Start, uint Count, long Since);
}
