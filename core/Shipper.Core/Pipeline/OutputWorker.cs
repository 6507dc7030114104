using Microsoft.Extensions.Logging;

namespace Shipper.Core.Pipeline;

/// <summary>
/// One of the output's <c>Workers</c>: sends the batches the consumer hands it, one at a time, and tells the
/// consumer when it is free again. It parks on its own signal between batches, so handing over a batch allocates
/// nothing.
/// </summary>
internal sealed class OutputWorker
{
    private readonly BatchSender _sender;
    private readonly AckLoop _acks;
    private readonly ParkingSignal _consumer;
    private readonly ILogger _logger;
    private readonly ParkingSignal _signal = new();
    private InFlightBatch? _batch;
    private int _busy;
    private int _stopping;

    /// <param name="sender">Delivers each batch, retries included.</param>
    /// <param name="acks">Told when a batch is finished.</param>
    /// <param name="consumer">The consumer's signal, woken whenever this worker comes free.</param>
    /// <param name="logger">Where a worker's own failure is logged.</param>
    public OutputWorker(BatchSender sender, AckLoop acks, ParkingSignal consumer, ILogger logger)
    {
        _sender = sender;
        _acks = acks;
        _consumer = consumer;
        _logger = logger;
    }

    /// <summary>Whether the worker can take a batch.</summary>
    public bool IsIdle => Volatile.Read(ref _busy) == 0;

    /// <summary>Consumer only, on an idle worker: the worker sends <paramref name="batch"/> next.</summary>
    public void Give(InFlightBatch batch)
    {
        Volatile.Write(ref _busy, 1);
        Interlocked.Exchange(ref _batch, batch);
        _signal.Wake();
    }

    /// <summary>No more batches will come: the worker returns once it has sent the one it has, if any.</summary>
    public void Stop()
    {
        Interlocked.Exchange(ref _stopping, 1);
        _signal.Wake();
    }

    /// <summary>Runs until <see cref="Stop"/> or <paramref name="cancellationToken"/>; a cancelled batch stays undelivered.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var cancelled = cancellationToken.UnsafeRegister(static s => ((ParkingSignal)s!).Wake(), _signal);
        try
        {
            while (true)
            {
                _signal.Arm(ParkingSignal.Never);
                await _signal.WaitAsync(readyNow: Volatile.Read(ref _batch) is not null || Volatile.Read(ref _stopping) != 0 || cancellationToken.IsCancellationRequested)
                    .ConfigureAwait(false);

                // Stopping is read before the batch: a batch handed over before the stop is then always seen.
                var stopping = Volatile.Read(ref _stopping) != 0;
                var batch = Interlocked.Exchange(ref _batch, null);
                if (cancellationToken.IsCancellationRequested || (batch is null && stopping))
                {
                    return;
                }

                if (batch is null)
                {
                    continue;
                }

                // Sent inline rather than by a helper method: an async helper would box its state for every batch.
                // A worker that failed (not cancelled) stays busy, so the consumer hands its batches to the others.
                await _sender.SendAsync(batch, cancellationToken).ConfigureAwait(false);
                Interlocked.Exchange(ref _busy, 0);
                _consumer.Wake();
                _acks.Complete(batch);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _logger.LogCritical(ex, "Output worker failed; its batch stays undelivered");
            throw;
        }
    }
}
