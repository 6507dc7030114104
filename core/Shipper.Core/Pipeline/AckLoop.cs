namespace Shipper.Core.Pipeline;

/// <summary>
/// Gives queue slots back in queue order, as Beats' ackLoop does: a batch that finishes before an older one
/// waits for it, so <c>libbeat.pipeline.queue.acked</c> only ever counts a prefix of the queue.
/// A released batch is the end of a batch's life: nothing else holds it then, so it is kept (up to
/// <c>spares</c> of them) for <see cref="Rent"/> to hand to the consumer again.
/// </summary>
internal sealed class AckLoop
{
    private readonly Queue<InFlightBatch> _pending = new();
    private readonly Stack<InFlightBatch> _spare = new();
    private readonly int _spares;
    private readonly Lock _gate = new();
    private readonly EventQueue _queue;
    private readonly PipelineCounters _counters;
    private long _oldestDispatch;

    /// <param name="queue">The queue whose slots are given back.</param>
    /// <param name="counters">Counts <c>queue.acked</c>.</param>
    /// <param name="spares">How many released batches to keep for reuse (a few more than the workers suffices).</param>
    public AckLoop(EventQueue queue, PipelineCounters counters, int spares)
    {
        _queue = queue;
        _counters = counters;
        _spares = spares;
    }

    /// <summary>Called after the oldest in-flight batch changed.</summary>
    public Action OldestChanged { get; set; } = static () => { };

    /// <summary>Dispatch timestamp of the oldest batch not yet finished, 0 when none is in flight.</summary>
    public long OldestDispatch => Volatile.Read(ref _oldestDispatch);

    /// <summary>A released batch to reload, or a new one when none is spare.</summary>
    public InFlightBatch Rent()
    {
        lock (_gate)
        {
            return _spare.TryPop(out var batch) ? batch : new InFlightBatch();
        }
    }

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
                head.Reset();
                if (_spare.Count < _spares)
                {
                    _spare.Push(head);
                }
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
