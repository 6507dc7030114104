using Shipper.Events;
using Shipper.Outputs;

namespace Shipper.Core.Pipeline;

/// <summary>
/// A batch taken from the queue, from dispatch until every event in it is settled. Each attempt sends only
/// the events not yet settled. Owned by one worker at a time; <see cref="Done"/> is read by the ACK loop.
/// </summary>
internal sealed class InFlightBatch
{
    private readonly Event[] _events;
    private readonly bool[] _settled;
    private int[] _sentIndexes = [];

    public InFlightBatch(Event[] events, long dispatchedAt)
    {
        _events = events;
        _settled = new bool[events.Length];
        Remaining = events.Length;
        DispatchedAt = dispatchedAt;
    }

    public int Count => _events.Length;

    /// <summary>Events not yet acknowledged, reported duplicate or dropped.</summary>
    public int Remaining { get; private set; }

    /// <summary>When the batch left the queue (a <see cref="TimeProvider"/> timestamp, never 0).</summary>
    public long DispatchedAt { get; }

    /// <summary>How many times the batch has been handed to the output.</summary>
    public int Attempts { get; private set; }

    /// <summary>Whether a failed attempt has put this batch into retrying.</summary>
    public bool Retrying { get; set; }

    /// <summary>Set by the ACK loop once the worker is finished with the batch.</summary>
    public bool Done { get; set; }

    /// <summary>The events to send now, in queue order: all of them first, then only the unsettled ones.</summary>
    public OutputBatch NextAttempt()
    {
        Attempts++;
        if (Remaining == _events.Length)
        {
            _sentIndexes = [];
            return new OutputBatch(_events);
        }

        var events = new Event[Remaining];
        _sentIndexes = new int[Remaining];
        for (int i = 0, j = 0; i < _events.Length; i++)
        {
            if (!_settled[i])
            {
                events[j] = _events[i];
                _sentIndexes[j++] = i;
            }
        }

        return new OutputBatch(events);
    }

    /// <summary>Marks the event at <paramref name="sentIndex"/> of the last attempt as settled.</summary>
    public void Settle(int sentIndex)
    {
        var index = _sentIndexes.Length == 0 ? sentIndex : _sentIndexes[sentIndex];
        if (!_settled[index])
        {
            _settled[index] = true;
            Remaining--;
        }
    }
}
