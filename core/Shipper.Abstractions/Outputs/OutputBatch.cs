using Shipper.Events;

namespace Shipper.Outputs;

/// <summary>
/// A batch of events handed to an output, with one outcome slot per event. Owned by one
/// <see cref="IOutput.SendAsync"/> call at a time; not thread-safe.
/// </summary>
public sealed class OutputBatch
{
    private readonly Event[] _events;
    private readonly EventOutcome[] _outcomes;
    private readonly string?[] _reasons;

    /// <summary>Creates a batch over <paramref name="events"/>, every outcome pending.</summary>
    public OutputBatch(IReadOnlyList<Event> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = [.. events];
        _outcomes = new EventOutcome[_events.Length];
        _reasons = new string?[_events.Length];
    }

    /// <summary>The number of events.</summary>
    public int Count => _events.Length;

    /// <summary>The events, in queue order.</summary>
    public IReadOnlyList<Event> Events => _events;

    /// <summary>The event at <paramref name="index"/>.</summary>
    public Event this[int index] => _events[index];

    /// <summary>The outcome recorded for the event at <paramref name="index"/>.</summary>
    public EventOutcome OutcomeOf(int index) => _outcomes[index];

    /// <summary>The reason given with a retry or drop, if any.</summary>
    public string? ReasonOf(int index) => _reasons[index];

    /// <summary>Marks one event delivered.</summary>
    public void Acknowledge(int index) => Set(index, EventOutcome.Acknowledged, null);

    /// <summary>Marks every still-pending event delivered (for outputs that succeed or fail as a whole).</summary>
    public void AcknowledgeAll()
    {
        for (var i = 0; i < _outcomes.Length; i++)
        {
            if (_outcomes[i] == EventOutcome.Pending)
            {
                _outcomes[i] = EventOutcome.Acknowledged;
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
        _outcomes[index] = outcome;
        _reasons[index] = reason;
    }
}
