using Shipper.Events;
using Shipper.Pipeline;

namespace Shipper.Core.Pipeline;

/// <summary>
/// One module's connection: runs the module's processing chain on the caller's thread, then takes a queue
/// slot. No lock is held while processing, so publishers on several threads do not queue behind each other.
/// After the pipeline stops, <see cref="Publish"/> throws <see cref="InvalidOperationException"/> and
/// <see cref="TryPublish"/> returns false (both counted as <c>libbeat.pipeline.events.failed</c>).
/// </summary>
internal sealed class PipelineClient : IPipelineClient
{
    private readonly ProcessingChain _chain;
    private readonly EventQueue _queue;
    private readonly PipelineCounters _counters;
    private readonly BackpressureMonitor _monitor;

    public PipelineClient(ProcessingChain chain, EventQueue queue, PipelineCounters counters, BackpressureMonitor monitor)
    {
        _chain = chain;
        _queue = queue;
        _counters = counters;
        _monitor = monitor;
    }

    public IBackpressureSignal Backpressure => _monitor;

    public void Publish(Event @event, CancellationToken cancellationToken)
    {
        var processed = Prepare(@event);
        if (processed is null)
        {
            return;
        }

        try
        {
            _queue.Enqueue(processed, cancellationToken);
        }
        catch
        {
            _counters.Failed.Increment();
            throw;
        }

        _counters.Published.Increment();
    }

    public ValueTask PublishAsync(Event @event, CancellationToken cancellationToken)
    {
        Event? processed;
        try
        {
            processed = Prepare(@event);
        }
        catch (InvalidOperationException ex)
        {
            return ValueTask.FromException(ex);
        }

        if (processed is null)
        {
            return ValueTask.CompletedTask;
        }

        switch (_queue.TryEnqueue(processed))
        {
            case EnqueueResult.Queued:
                _counters.Published.Increment();
                return ValueTask.CompletedTask;
            case EnqueueResult.Closed:
                _counters.Failed.Increment();
                return ValueTask.FromException(EventQueue.StoppedError());
            default:
                return WaitAndEnqueueAsync(processed, cancellationToken);
        }
    }

    /// <remarks>
    /// When the queue is full the event is refused before the processors run, so a module shedding load
    /// does not pay for processing what it sheds; such an event counts as dropped even if a processor would
    /// have filtered it.
    /// </remarks>
    public bool TryPublish(Event @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        _counters.Total.Increment();
        if (_queue.IsClosed)
        {
            return Refuse(_counters.Failed);
        }

        if (_queue.Used >= _queue.Capacity)
        {
            return Refuse(_counters.Dropped);
        }

        var processed = RunChain(@event);
        if (processed is null)
        {
            return true;
        }

        return _queue.TryEnqueue(processed) switch
        {
            EnqueueResult.Queued => Accept(),
            EnqueueResult.Closed => Refuse(_counters.Failed),
            _ => Refuse(_counters.Dropped),
        };
    }

    private Event? Prepare(Event @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        _counters.Total.Increment();
        if (_queue.IsClosed)
        {
            _counters.Failed.Increment();
            throw EventQueue.StoppedError();
        }

        return RunChain(@event);
    }

    private Event? RunChain(Event @event)
    {
        var processed = _chain.Run(@event);
        if (processed is null)
        {
            _counters.Filtered.Increment();
        }

        return processed;
    }

    private async ValueTask WaitAndEnqueueAsync(Event @event, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.EnqueueAsync(@event, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _counters.Failed.Increment();
            throw;
        }

        _counters.Published.Increment();
    }

    private bool Accept()
    {
        _counters.Published.Increment();
        return true;
    }

    private bool Refuse(Shipper.Monitoring.MetricCounter counter)
    {
        counter.Increment();
        _monitor.CountDroppedOnPublish();
        return false;
    }
}
