using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Shipper.Core.Options;
using Shipper.Events;

namespace Shipper.Core.Pipeline;

/// <summary>
/// Reads the queue into batches and feeds up to <c>IOutput.Workers</c> workers. A batch is only formed when a
/// worker is free, so events wait in the queue (where they can still join a batch) rather than in a batch.
/// A batch holds up to the effective batch size and waits at most <c>flush.timeout</c> for it to fill.
/// </summary>
/// <remarks>
/// The consumer is one loop that decides its next step (<see cref="Next"/>) and otherwise parks on the queue's
/// signal: for a free worker, for the event that completes its batch, or until the flush timer rings. The timer
/// is one <see cref="ITimer"/> from the pipeline's <see cref="TimeProvider"/>, re-armed for each batch, and
/// cancellation wakes the same signal through one registration, so a steady stream of batches allocates nothing.
/// </remarks>
internal sealed class BatchConsumer : IDisposable
{
    private readonly EventQueue _queue;
    private readonly AckLoop _acks;
    private readonly TimeProvider _time;
    private readonly TimeSpan _flushTimeout;
    private readonly ParkingSignal _signal;
    private readonly OutputWorker[] _workers;
    private readonly ITimer _flushTimer;
    private readonly List<Event> _buffer = [];

    /// <summary>When the flush timer was armed for the batch being filled; 0 while it is not armed.</summary>
    private long _flushArmedAt;
    private bool _flushDue;
    private bool _sawClosed;
    private int _timerRang;

    public BatchConsumer(EventQueue queue, AckLoop acks, BatchSender sender, MemoryQueueOptions options, int outputMaxBatch, int workers, TimeProvider time, ILogger logger)
    {
        _queue = queue;
        _acks = acks;
        _time = time;
        _signal = queue.Signal;
        _workers = new OutputWorker[Math.Max(1, workers)];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new OutputWorker(sender, acks, _signal, logger);
        }

        BatchSize = EffectiveBatchSize(options.Flush.MinEvents, outputMaxBatch, queue.Capacity);
        _flushTimeout = options.Flush.MinEvents >= 2 ? options.Flush.Timeout : TimeSpan.Zero;
        _flushTimer = time.CreateTimer(static s => ((BatchConsumer)s!).OnFlushTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private enum Step
    {
        Park,
        Dispatch,
        Exit,
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
        var tasks = new Task[_workers.Length + 1];
        tasks[0] = Task.Run(() => ConsumeAsync(cancellationToken), CancellationToken.None);
        for (var i = 1; i < tasks.Length; i++)
        {
            var worker = _workers[i - 1];
            tasks[i] = Task.Run(() => worker.RunAsync(cancellationToken), CancellationToken.None);
        }

        return Task.WhenAll(tasks);
    }

    public void Dispose() => _flushTimer.Dispose();

    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        using var cancelled = cancellationToken.UnsafeRegister(static s => ((ParkingSignal)s!).Wake(), _signal);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                switch (Next(out var wakeAt))
                {
                    case Step.Exit:
                        return;
                    case Step.Dispatch:
                        Dispatch();
                        break;
                    default:
                        _signal.Arm(wakeAt);
                        await _signal.WaitAsync(readyNow: Ready(wakeAt, cancellationToken)).ConfigureAwait(false);
                        break;
                }
            }
        }
        finally
        {
            DisarmFlushTimer();
            foreach (var worker in _workers)
            {
                worker.Stop();
            }
        }
    }

    /// <summary>
    /// Takes what is queued into the batch being filled and says what to do with it; when the answer is to park,
    /// <paramref name="wakeAt"/> is the count of queued events to wake at (or <see cref="ParkingSignal.Never"/>).
    /// </summary>
    private Step Next(out long wakeAt)
    {
        wakeAt = ParkingSignal.Never;
        CheckFlushTimer();
        if (FreeWorker() is null)
        {
            return Step.Park;
        }

        while (_buffer.Count < BatchSize && _queue.TryTake(out var @event))
        {
            _buffer.Add(@event);
        }

        _sawClosed = _queue.IsClosed;
        if (_buffer.Count >= BatchSize)
        {
            return Step.Dispatch;
        }

        if (_queue.Drained)
        {
            return _buffer.Count > 0 ? Step.Dispatch : Step.Exit;
        }

        if (_buffer.Count > 0 && (_flushTimeout <= TimeSpan.Zero || _sawClosed || _flushDue))
        {
            return Step.Dispatch;
        }

        if (_buffer.Count > 0 && _flushArmedAt == 0)
        {
            _flushArmedAt = Math.Max(1, _time.GetTimestamp());
            _flushTimer.Change(_flushTimeout, Timeout.InfiniteTimeSpan);
        }

        // With nothing buffered, or when the next event's publisher has its ordinal but has not stored it yet (a
        // later one stopped the take), wake on the next event; otherwise on the one that completes the batch.
        var next = _queue.Taken;
        wakeAt = _buffer.Count == 0 || _queue.Reserved(next + 1) ? next + 1 : next + BatchSize - _buffer.Count;
        return Step.Park;
    }

    /// <summary>Checked after arming a park: whatever changed since <see cref="Next"/> decided to park.</summary>
    private bool Ready(long wakeAt, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested
        || (wakeAt == ParkingSignal.Never
            ? FreeWorker() is not null
            : _queue.IsStored(wakeAt - 1) || _queue.IsClosed != _sawClosed || Volatile.Read(ref _timerRang) != 0);

    private void Dispatch()
    {
        DisarmFlushTimer();
        var batch = _acks.Rent();
        batch.Load(CollectionsMarshal.AsSpan(_buffer), Math.Max(1, _time.GetTimestamp()));
        _buffer.Clear();
        _acks.Add(batch);
        FreeWorker()!.Give(batch);
    }

    private OutputWorker? FreeWorker()
    {
        foreach (var worker in _workers)
        {
            if (worker.IsIdle)
            {
                return worker;
            }
        }

        return null;
    }

    private void OnFlushTimer()
    {
        Interlocked.Exchange(ref _timerRang, 1);
        _signal.Wake();
    }

    /// <summary>
    /// Turns a ring of the flush timer into <see cref="_flushDue"/>. A ring can be stale (it fired as the last batch
    /// was dispatched) or a little early (the timer's clock is coarser than the timestamp's), so the elapsed time
    /// decides, and an early ring re-arms the timer for the rest.
    /// </summary>
    private void CheckFlushTimer()
    {
        if (Interlocked.Exchange(ref _timerRang, 0) == 0 || _flushArmedAt == 0 || _flushDue)
        {
            return;
        }

        var left = _flushTimeout - _time.GetElapsedTime(_flushArmedAt);
        if (left <= TimeSpan.Zero)
        {
            _flushDue = true;
        }
        else
        {
            _flushTimer.Change(left < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : left, Timeout.InfiniteTimeSpan);
        }
    }

    private void DisarmFlushTimer()
    {
        _flushDue = false;
        if (_flushArmedAt != 0)
        {
            _flushArmedAt = 0;
            _flushTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }
}
