namespace Shipper.Core.Pipeline;

/// <summary>What <see cref="EventQueue.TryEnqueue"/> did with an event.</summary>
internal enum EnqueueResult
{
    /// <summary>The event holds a slot and waits for the consumer.</summary>
    Queued,

    /// <summary>Every slot is taken by an unsettled event.</summary>
    Full,

    /// <summary>The pipeline is stopping and takes no more events.</summary>
    Closed,
}
