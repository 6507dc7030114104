namespace Shipper.Core.Pipeline;

/// <summary>
/// Gives queue slots back in queue order, as Beats' ackLoop does: a batch that finishes before an older one
/// waits for it, so <c>libbeat.pipeline.queue.acked</c> only ever counts a prefix of the queue.
/// </summary>
internal sealed class AckLoop
{
    private readonly Queue<InFlightBatch> _pending = new();
    private readonly Lock _gate = new();
    private readonly EventQueue _queue;
    private readonly PipelineCounters _counters;
    private long _oldestDispatch;

    public AckLoop(EventQueue queue, PipelineCounters counters)
    {
        _queue = queue;
        _counters = counters;
    }

    /// <summary>Called after the oldest in-flight batch changed.</summary>
    public Action OldestChanged { get; set; } = static () => { };

    /// <summary>Dispatch timestamp of the oldest batch not yet finished, 0 when none is in flight.</summary>
    public long OldestDispatch => Volatile.Read(ref _oldestDispatch);

    /// <summary>Registers a batch as it is dispatched; batches must be added in queue order.</summary>
    public void Add(InFlightBatch batch)
    {
        bool first;
        lock (_gate)
        {
            _pending.Enqueue(batch);
            first = _pending.Count == 1;
            if (first)
            {
                Volatile.Write(ref _oldestDispatch, batch.DispatchedAt);
            }
        }

        if (first)
        {
            OldestChanged();
        }
    }

    /// <summary>Marks a batch finished (every event settled) and releases every finished batch at the head.</summary>
    public void Complete(InFlightBatch batch)
    {
        var released = 0;
        lock (_gate)
        {
            batch.Done = true;
            while (_pending.TryPeek(out var head) && head.Done)
            {
                _pending.Dequeue();
                released += head.Count;
            }

            Volatile.Write(ref _oldestDispatch, _pending.TryPeek(out var next) ? next.DispatchedAt : 0);
        }

        if (released > 0)
        {
            _counters.QueueAcked.Add(released);
            _queue.Release(released);
        }

        OldestChanged();
    }

    /// <summary>Events of unreleased batches that were settled all the same (released later, or never on abandon).</summary>
    public int SettledButHeld()
    {
        lock (_gate)
        {
            return _pending.Sum(b => b.Count - b.Remaining);
        }
    }
}
