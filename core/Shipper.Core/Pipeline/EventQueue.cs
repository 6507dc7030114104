using System.Threading.Channels;
using Shipper.Events;

namespace Shipper.Core.Pipeline;

/// <summary>
/// The memory queue: a slot count bounded by <c>queue.mem.events</c> in front of an unbounded single-reader
/// channel. A slot is taken when an event is queued and given back only when the output has settled it
/// (acknowledged, duplicate or dropped), so a stuck output fills the queue and publishers wait: memory is
/// bounded by the slot count, never by the channel. Publishing takes a slot with one compare-and-swap and
/// hands the event to the channel; it takes no lock of ours and allocates nothing. Only a publisher that
/// finds the queue full touches the wake-up signal.
/// </summary>
internal sealed class EventQueue
{
    private readonly Channel<Event> _channel = Channel.CreateUnbounded<Event>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    private int _used;
    private int _waiters;
    private volatile bool _closed;
    private TaskCompletionSource _space = NewSignal();

    public EventQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Told of every change of <see cref="Used"/>; cheap unless a watermark is crossed.</summary>
    public Action<int> LevelChanged { get; set; } = static _ => { };

    public int Capacity { get; }

    /// <summary>Events holding a slot: in the channel, being batched, or in flight to the output.</summary>
    public int Used => Volatile.Read(ref _used);

    public bool IsClosed => _closed;

    public ChannelReader<Event> Reader => _channel.Reader;

    public EnqueueResult TryEnqueue(Event @event)
    {
        if (_closed)
        {
            return EnqueueResult.Closed;
        }

        if (!TryReserve(out var used))
        {
            return EnqueueResult.Full;
        }

        if (!_channel.Writer.TryWrite(@event))
        {
            // Closed between the check and the write: give the slot back.
            Release(1);
            return EnqueueResult.Closed;
        }

        LevelChanged(used);
        return EnqueueResult.Queued;
    }

    /// <summary>Queues the event, blocking the thread while the queue is full.</summary>
    public void Enqueue(Event @event, CancellationToken cancellationToken)
    {
        if (Check(TryEnqueue(@event)))
        {
            return;
        }

        Interlocked.Increment(ref _waiters);
        try
        {
            while (true)
            {
                var signal = Volatile.Read(ref _space);
                if (Check(TryEnqueue(@event)))
                {
                    return;
                }

                signal.Task.Wait(cancellationToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }
    }

    /// <summary>Queues the event, waiting asynchronously while the queue is full.</summary>
    public async ValueTask EnqueueAsync(Event @event, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiters);
        try
        {
            while (true)
            {
                var signal = Volatile.Read(ref _space);
                if (Check(TryEnqueue(@event)))
                {
                    return;
                }

                await signal.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }
    }

    /// <summary>Gives back <paramref name="count"/> slots and wakes waiting publishers.</summary>
    public void Release(int count)
    {
        var used = Interlocked.Add(ref _used, -count);
        if (Volatile.Read(ref _waiters) > 0)
        {
            Wake();
        }

        LevelChanged(used);
    }

    /// <summary>Stops taking events; what is queued can still be read. Waiting publishers give up.</summary>
    public void Close()
    {
        _closed = true;
        _channel.Writer.TryComplete();
        Wake();
    }

    internal static InvalidOperationException StoppedError() =>
        new("The publisher pipeline is stopping and no longer accepts events.");

    private static bool Check(EnqueueResult result) => result switch
    {
        EnqueueResult.Queued => true,
        EnqueueResult.Closed => throw StoppedError(),
        _ => false,
    };

    private bool TryReserve(out int used)
    {
        var current = Volatile.Read(ref _used);
        while (current < Capacity)
        {
            var seen = Interlocked.CompareExchange(ref _used, current + 1, current);
            if (seen == current)
            {
                used = current + 1;
                return true;
            }

            current = seen;
        }

        used = current;
        return false;
    }

    private void Wake() => Interlocked.Exchange(ref _space, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
