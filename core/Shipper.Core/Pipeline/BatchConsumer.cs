using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Shipper.Core.Options;
using Shipper.Events;

namespace Shipper.Core.Pipeline;

/// <summary>
/// Reads the queue into batches and feeds up to <c>IOutput.Workers</c> workers. A batch is only formed when a
/// worker is free, so events wait in the queue (where they can still join a batch) rather than in a batch.
/// A batch holds up to the effective batch size and waits at most <c>flush.timeout</c> for it to fill.
/// </summary>
internal sealed class BatchConsumer : IDisposable
{
    private readonly EventQueue _queue;
    private readonly AckLoop _acks;
    private readonly BatchSender _sender;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _workers;
    private readonly TimeSpan _flushTimeout;
    private readonly SemaphoreSlim _idleWorkers;
    private readonly Channel<InFlightBatch> _dispatch = Channel.CreateUnbounded<InFlightBatch>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly List<Event> _buffer = [];

    public BatchConsumer(EventQueue queue, AckLoop acks, BatchSender sender, MemoryQueueOptions options, int outputMaxBatch, int workers, TimeProvider time, ILogger logger)
    {
        _queue = queue;
        _acks = acks;
        _sender = sender;
        _time = time;
        _logger = logger;
        _workers = Math.Max(1, workers);
        _idleWorkers = new SemaphoreSlim(_workers, _workers);
        BatchSize = EffectiveBatchSize(options.Flush.MinEvents, outputMaxBatch, queue.Capacity);
        _flushTimeout = options.Flush.MinEvents >= 2 ? options.Flush.Timeout : TimeSpan.Zero;
    }

    /// <summary>The most events a batch holds.</summary>
    public int BatchSize { get; }

    /// <summary>
    /// min(flush.min_events, the output's own maximum) as in Beats 8.13+; with flush.min_events below 2 (send
    /// at once) the queue caps batches at half its size, as Beats does.
    /// </summary>
    internal static int EffectiveBatchSize(int minEvents, int outputMaxBatch, int capacity)
    {
        var size = minEvents >= 2 ? minEvents : Math.Max(1, capacity / 2);
        if (outputMaxBatch > 0)
        {
            size = Math.Min(size, outputMaxBatch);
        }

        return Math.Clamp(size, 1, capacity);
    }

    /// <summary>Runs until the queue is closed and drained, or <paramref name="cancellationToken"/> fires.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var tasks = new Task[_workers + 1];
        tasks[0] = Task.Run(() => ConsumeAsync(cancellationToken), CancellationToken.None);
        for (var i = 1; i < tasks.Length; i++)
        {
            tasks[i] = Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None);
        }

        return Task.WhenAll(tasks);
    }

    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await _idleWorkers.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (!await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                await FillAsync(cancellationToken).ConfigureAwait(false);
                var batch = _acks.Rent();
                batch.Load(CollectionsMarshal.AsSpan(_buffer), Math.Max(1, _time.GetTimestamp()));
                _buffer.Clear();
                _acks.Add(batch);
                _dispatch.Writer.TryWrite(batch);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _dispatch.Writer.TryComplete();
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        while (_buffer.Count < BatchSize && reader.TryRead(out var first))
        {
            _buffer.Add(first);
        }

        if (_buffer.Count >= BatchSize || _flushTimeout <= TimeSpan.Zero)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(_flushTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        while (_buffer.Count < BatchSize)
        {
            try
            {
                if (!await reader.WaitToReadAsync(linked.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }

            while (_buffer.Count < BatchSize && reader.TryRead(out var next))
            {
                _buffer.Add(next);
            }
        }
    }

    public void Dispose() => _idleWorkers.Dispose();

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _dispatch.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_dispatch.Reader.TryRead(out var batch))
                {
                    try
                    {
                        await _sender.SendAsync(batch, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _idleWorkers.Release();
                    }

                    _acks.Complete(batch);
                }
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
