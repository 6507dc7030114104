using Shipper.Events;

namespace Shipper.Pipeline;

/// <summary>
/// A module's connection to the publisher pipeline. Each module gets its own client; the client runs the
/// module's processors, then the global ones, on the caller's thread, then places the event in the queue.
/// All members are thread-safe.
/// </summary>
public interface IPipelineClient
{
    /// <summary>
    /// Publishes an event, waiting while the queue is full. Throws <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> fires first; the event is then not queued.
    /// An event dropped by a processor is not queued: the call returns normally and the event counts as
    /// <c>filtered</c>, not <c>published</c>. After the pipeline stopped it throws <see cref="InvalidOperationException"/>.
    /// </summary>
    void Publish(Event @event, CancellationToken cancellationToken);

    /// <summary>Asynchronous form of <see cref="Publish"/>.</summary>
    ValueTask PublishAsync(Event @event, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes an event only if the queue has room right now. Returns false at once when it has not;
    /// the event is then counted as dropped (<c>libbeat.pipeline.events.dropped</c> and the pipeline's
    /// <see cref="BackpressureState.DroppedOnPublish"/>). The queue is checked before the processors run, so a
    /// refused event costs no processing. After the pipeline stopped it returns false as well. Never blocks; allocates nothing beyond the event.
    /// </summary>
    bool TryPublish(Event @event);

    /// <summary>The pipeline's backpressure signal, shared by every client.</summary>
    IBackpressureSignal Backpressure { get; }
}
