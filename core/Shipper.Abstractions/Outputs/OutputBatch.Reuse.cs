using System.Collections;
using Shipper.Events;

namespace Shipper.Outputs;

/// <summary>The host's side of a batch: one instance is reloaded for every send, so sending allocates nothing.</summary>
public sealed partial class OutputBatch
{
    /// <summary>An empty batch for the host to <see cref="Load"/>.</summary>
    internal OutputBatch()
    {
        _events = [];
        _outcomes = [];
        _reasons = [];
        Events = new EventList(this);
    }

    /// <summary>
    /// Makes the batch the first <paramref name="count"/> events of <paramref name="events"/> (not copied: the host
    /// keeps the array unchanged until the send returns), every outcome pending.
    /// </summary>
    internal void Load(Event[] events, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, events.Length);
        if (_outcomes.Length < count)
        {
            _outcomes = new EventOutcome[events.Length];
            _reasons = new string?[events.Length];
        }
        else
        {
            Array.Clear(_outcomes, 0, count);
            Array.Clear(_reasons, 0, count);
        }

        _events = events;
        _count = count;
    }

    /// <summary>Forgets the events and reasons so that a batch waiting for reuse keeps nothing alive.</summary>
    internal void Clear()
    {
        Array.Clear(_reasons, 0, _count);
        _events = [];
        _count = 0;
    }

    /// <summary>The live view behind <see cref="Events"/>: one per batch, so reading it allocates nothing.</summary>
    private sealed class EventList(OutputBatch batch) : IReadOnlyList<Event>
    {
        public int Count => batch._count;

        public Event this[int index] => batch[index];

        public IEnumerator<Event> GetEnumerator()
        {
            for (var i = 0; i < batch._count; i++)
            {
                yield return batch._events[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
