using Shipper.Events;
using Shipper.Outputs;

namespace Shipper.Core.Pipeline;

/// <summary>
/// A batch taken from the queue, from dispatch until every event in it is settled. Each attempt sends only
/// the events not yet settled. Owned by one worker at a time; <see cref="Done"/> is read by the ACK loop.
/// Instances and their arrays are reused: the ACK loop hands a released batch back (<see cref="Reset"/>) and
/// the consumer reloads it (<see cref="Load"/>), so a steady stream of batches allocates nothing.
/// </summary>
internal sealed class InFlightBatch
{
    private readonly OutputBatch _sent = new();
    private Event[] _events = [];
    private bool[] _settled = [];
    private Event[] _resend = [];
    private int[] _sentIndexes = [];
    private bool _partial;

    public int Count { get; private set; }

    /// <summary>Events not yet acknowledged, reported duplicate or dropped.</summary>
    public int Remaining { get; private set; }

    /// <summary>When the batch left the queue (a <see cref="TimeProvider"/> timestamp, never 0).</summary>
    public long DispatchedAt { get; private set; }

    /// <summary>How many times the batch has been handed to the output.</summary>
    public int Attempts { get; private set; }

    /// <summary>Whether a failed attempt has put this batch into retrying.</summary>
    public bool Retrying { get; set; }

    /// <summary>Set by the ACK loop once the worker is finished with the batch.</summary>
    public bool Done { get; set; }

    /// <summary>Fills the batch with <paramref name="events"/> (copied), none settled.</summary>
    public void Load(ReadOnlySpan<Event> events, long dispatchedAt)
    {
        var count = events.Length;
        if (_events.Length < count)
        {
            // Grown at least twofold: a reused batch that first carried a small early flush must not reallocate
            // for every slightly larger batch after it (batch sizes vary with timing).
            var size = Math.Max(count, _events.Length * 2);
            _events = new Event[size];
            _settled = new bool[size];
        }
        else
        {
            Array.Clear(_settled, 0, count);
        }

        events.CopyTo(_events);
        Count = count;
        Remaining = count;
        DispatchedAt = dispatchedAt;
        Attempts = 0;
        Retrying = false;
        Done = false;
        _partial = false;
    }

    /// <summary>The events to send now, in queue order: all of them first, then only the unsettled ones.</summary>
    public OutputBatch NextAttempt()
    {
        Attempts++;
        _partial = Remaining != Count;
        if (!_partial)
        {
            _sent.Load(_events, Count);
            return _sent;
        }

        if (_resend.Length < Remaining)
        {
            _resend = new Event[_events.Length];
            _sentIndexes = new int[_events.Length];
        }

        for (int i = 0, j = 0; i < Count; i++)
        {
            if (!_settled[i])
            {
                _resend[j] = _events[i];
                _sentIndexes[j++] = i;
            }
        }

        _sent.Load(_resend, Remaining);
        return _sent;
    }

    /// <summary>Marks the event at <paramref name="sentIndex"/> of the last attempt as settled.</summary>
    public void Settle(int sentIndex)
    {
        var index = _partial ? _sentIndexes[sentIndex] : sentIndex;
        if (!_settled[index])
        {
            _settled[index] = true;
            Remaining--;
        }
    }

    /// <summary>Drops every reference to events, so a batch waiting for reuse keeps none alive.</summary>
    public void Reset()
    {
        _sent.Clear();
        Array.Clear(_events, 0, Count);
        Array.Clear(_resend);
        Count = 0;
        Remaining = 0;
    }
}
