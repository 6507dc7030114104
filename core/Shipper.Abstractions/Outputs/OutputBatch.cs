using Shipper.Events;

namespace Shipper.Outputs;

/// <summary>
/// A batch of events handed to an output, with one outcome slot per event. Owned by one
/// <see cref="IOutput.SendAsync"/> call at a time; not thread-safe. The host reuses batches: a batch it hands
/// to <see cref="IOutput.SendAsync"/>, and the list behind <see cref="Events"/>, are valid only until that call
/// returns, so an output that keeps events beyond it copies them out first.
/// </summary>
public sealed partial class OutputBatch
{
    private Event[] _events;
    private EventOutcome[] _outcomes;
    private string?[] _reasons;
    private int _count;

    /// <summary>Creates a batch over a copy of <paramref name="events"/>, every outcome pending.</summary>
    public OutputBatch(IReadOnlyList<Event> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = [.. events];
        _count = _events.Length;
        _outcomes = new EventOutcome[_count];
        _reasons = new string?[_count];
        Events = new EventList(this);
    }

    /// <summary>The number of events.</summary>
    public int Count => _count;

    /// <summary>The events, in queue order.</summary>
    public IReadOnlyList<Event> Events { get; }

    /// <summary>The event at <paramref name="index"/>.</summary>
    public Event this[int index] => _events[CheckIndex(index)];

    /// <summary>The outcome recorded for the event at <paramref name="index"/>.</summary>
    public EventOutcome OutcomeOf(int index) => _outcomes[CheckIndex(index)];

    /// <summary>The reason given with a retry or drop, if any.</summary>
    public string? ReasonOf(int index) => _reasons[CheckIndex(index)];

    /// <summary>Marks one event delivered.</summary>
    public void Acknowledge(int index) => Set(index, EventOutcome.Acknowledged, null);

    /// <summary>Marks every still-pending event delivered (for outputs that succeed or fail as a whole).</summary>
    public void AcknowledgeAll()
    {
        var outcomes = _outcomes.AsSpan(0, _count);
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i] == EventOutcome.Pending)
            {
                outcomes[i] = EventOutcome.Acknowledged;
            }
        }
    }

    /// <summary>Marks one event as already present at the destination.</summary>
    public void Duplicate(int index) => Set(index, EventOutcome.Duplicate, null);

    /// <summary>Asks for one event to be retried later.</summary>
    public void Retry(int index, string reason) => Set(index, EventOutcome.Retry, reason);

    /// <summary>Asks for one event to be retried later because the destination is overloaded.</summary>
    public void TooMany(int index, string reason) => Set(index, EventOutcome.TooMany, reason);

    /// <summary>Gives up on one event for good.</summary>
    public void Drop(int index, string reason) => Set(index, EventOutcome.Dropped, reason);

    private void Set(int index, EventOutcome outcome, string? reason)
    {
        CheckIndex(index);
        _outcomes[index] = outcome;
        _reasons[index] = reason;
    }

    private int CheckIndex(int index)
    {
        // The arrays may be longer than the batch when the host reuses it.
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        return index;
    }
}
