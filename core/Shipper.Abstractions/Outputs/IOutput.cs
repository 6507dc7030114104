namespace Shipper.Outputs;

/// <summary>
/// An output client: sends batches and reports the fate of each event. Retry, backoff and ACK accounting
/// live in the core, not here. The core calls <see cref="SendAsync"/> from up to
/// <see cref="Workers"/> tasks at once, so implementations must be safe for that many concurrent calls.
/// </summary>
public interface IOutput : IAsyncDisposable
{
    /// <summary>How many batches may be in flight at once (the output's <c>worker</c> setting). Default 1.</summary>
    int Workers => 1;

    /// <summary>The largest batch the output wants (e.g. <c>bulk_max_size</c>); 0 means no limit of its own.</summary>
    int MaxBatchSize => 0;

    /// <summary>
    /// How many times the core retries an event the output did not deliver before giving up on it (the output's
    /// <c>max_retries</c>): an event is sent at most <c>MaxRetries + 1</c> times, then dropped, counted in
    /// <c>libbeat.output.events.dropped</c> and logged with the last reason. Negative (the default) retries until
    /// delivered, which is what keeps events from being lost while the process runs.
    /// </summary>
    int MaxRetries => -1;

    /// <summary>
    /// Sends a batch and sets an outcome for each event on it. Events left without an outcome are retried.
    /// Throwing (other than on cancellation) means the whole batch failed (e.g. connection refused): the core
    /// retries every unsettled event with backoff.
    /// </summary>
    ValueTask SendAsync(OutputBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// Checks that the output can deliver (for <c>shipper test output</c>), writing human-readable steps
    /// to <paramref name="report"/>. Returns true when it can.
    /// </summary>
    ValueTask<bool> TestAsync(TextWriter report, CancellationToken cancellationToken);
}
