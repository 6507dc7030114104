namespace Shipper.Pipeline;

/// <summary>A snapshot of the pipeline's fill and output health.</summary>
/// <param name="QueuedEvents">Events in the queue, not yet acknowledged by the output (includes in-flight batches).</param>
/// <param name="Capacity">The queue's size (<c>queue.mem.events</c>).</param>
/// <param name="OutputBlocked">The output has held its oldest batch unacknowledged past the blocked threshold, or it is retrying.</param>
/// <param name="OutputFailing">The output's last attempt failed and it is backing off.</param>
/// <param name="UnderPressure">
/// True from the moment the queue fills to its high-water mark (90%) or the output is blocked while the
/// queue is at least half full, until the queue drains below its low-water mark (50%) with the output
/// not blocked. This hysteresis keeps modules from flapping.
/// </param>
/// <param name="DroppedOnPublish">Events refused by <see cref="IPipelineClient.TryPublish"/> since start, over all clients.</param>
public readonly record struct BackpressureState(
    int QueuedEvents,
    int Capacity,
    bool OutputBlocked,
    bool OutputFailing,
    bool UnderPressure,
    long DroppedOnPublish)
{
    /// <summary>Queue fill between 0 and 1.</summary>
    public double Fill => Capacity <= 0 ? 0 : (double)QueuedEvents / Capacity;
}
