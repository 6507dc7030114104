using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Shipper.Events;

namespace Shipper.Core.Pipeline;

/// <summary>
/// The memory queue: a ring of <c>queue.mem.events</c> slots (rounded up to a power of two) with many publishers and
/// one reader, the batch consumer. A slot is taken when an event is queued and given back only when the output has
/// settled it (acknowledged, duplicate or dropped), so a stuck output fills the queue and publishers wait: memory is
/// bounded by the slot count. Slots are given back in queue order (the ACK loop's rule), so the event with ordinal
/// <c>n</c> always finds ring slot <c>n mod size</c> read and cleared. Publishing takes an ordinal with one
/// compare-and-swap on the count of events ever queued (which also carries the closed flag, so closing and
/// publishing cannot race) and stores the event with one interlocked write; it takes no lock and allocates
/// nothing. The reader parks on <see cref="Signal"/> with the ordinal it needs, so a consumer waiting for a whole
/// batch is woken once per batch rather than once per event. Only a publisher that finds the queue full touches
/// the publishers' wake-up monitor, and only while one waits does giving slots back.
/// </summary>
internal sealed class EventQueue
{
    private const long ClosedBit = 1L << 62;
    private readonly Event?[] _slots;
    private readonly int _mask;
    private readonly object _spaceGate = new();

    /// <summary>Events ever queued (the next ordinal), with <see cref="ClosedBit"/> set once closed.</summary>
    private long _queued;
    private long _released;
    private long _taken;
    private long _spaceGeneration;
    private int _waiters;
    private int _asyncWaiters;
    private TaskCompletionSource _space = NewSignal();

    public EventQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 1 << 30);
        Capacity = capacity;
        _slots = new Event?[BitOperations.RoundUpToPowerOf2((uint)capacity)];
        _mask = _slots.Length - 1;
    }

    /// <summary>Told of every change of <see cref="Used"/>; cheap unless a watermark is crossed.</summary>
    public Action<int> LevelChanged { get; set; } = static _ => { };

    public int Capacity { get; }

    /// <summary>Events holding a slot: queued, being batched, or in flight to the output.</summary>
    public int Used
    {
        get
        {
            // Released first: the queued count read after it is at least as new, so the difference is never negative.
            var released = Volatile.Read(ref _released);
            return (int)((Volatile.Read(ref _queued) & ~ClosedBit) - released);
        }
    }

    public bool IsClosed => (Volatile.Read(ref _queued) & ClosedBit) != 0;

    /// <summary>The reader's parking place; publishers wake it when the ordinal it waits for is stored.</summary>
    public ParkingSignal Signal { get; } = new();

    /// <summary>Reader only: events taken so far, which is also the ordinal of the next event to take.</summary>
    public long Taken => _taken;

    /// <summary>Reader only: when closed, whether every event ever queued has been taken.</summary>
    public bool Drained
    {
        get
        {
            var queued = Volatile.Read(ref _queued);
            return (queued & ClosedBit) != 0 && (queued & ~ClosedBit) == _taken;
        }
    }

    /// <summary>Reader only: whether an event took an ordinal below <paramref name="ordinal"/> (stored or not yet).</summary>
    public bool Reserved(long ordinal) => (Volatile.Read(ref _queued) & ~ClosedBit) >= ordinal;

    /// <summary>Reader only: whether the event with <paramref name="ordinal"/> (not yet taken) has been stored.</summary>
    public bool IsStored(long ordinal) => Volatile.Read(ref _slots[(int)ordinal & _mask]) is not null;

    /// <summary>
    /// Reader only: takes the next event in queue order, if it is stored. False when the queue is empty, or when the
    /// next event's publisher has taken its ordinal but not yet stored it (a later one may already be stored).
    /// </summary>
    public bool TryTake([NotNullWhen(true)] out Event? @event)
    {
        ref var slot = ref _slots[(int)_taken & _mask];
        @event = Volatile.Read(ref slot);
        if (@event is null)
        {
            return false;
        }

        slot = null;
        _taken++;
        return true;
    }

    public EnqueueResult TryEnqueue(Event @event)
    {
        var result = TryReserve(out var ordinal, out var used);
        if (result != EnqueueResult.Queued)
        {
            return result;
        }

        // Interlocked: a full fence between storing the event and reading the reader's park (see ParkingSignal).
        Interlocked.Exchange(ref _slots[(int)ordinal & _mask], @event);
        Signal.OnCount(ordinal + 1);
        LevelChanged(used);
        return EnqueueResult.Queued;
    }

    /// <summary>
    /// Queues the event, blocking the thread while the queue is full. The thread waits on a monitor that every
    /// release pulses, so waiting allocates nothing (a cancellable token is registered once per wait).
    /// </summary>
    public void Enqueue(Event @event, CancellationToken cancellationToken)
    {
        if (Check(TryEnqueue(@event)))
        {
            return;
        }

        Interlocked.Increment(ref _waiters);
        try
        {
            using var cancelled = cancellationToken.UnsafeRegister(static s => ((EventQueue)s!).WakePublishers(), this);
            while (true)
            {
                var generation = Volatile.Read(ref _spaceGeneration);
                if (Check(TryEnqueue(@event)))
                {
                    return;
                }

                lock (_spaceGate)
                {
                    while (_spaceGeneration == generation && !cancellationToken.IsCancellationRequested)
                    {
                        Monitor.Wait(_spaceGate);
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
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
        Interlocked.Increment(ref _asyncWaiters);
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
            Interlocked.Decrement(ref _asyncWaiters);
            Interlocked.Decrement(ref _waiters);
        }
    }

    /// <summary>Gives back <paramref name="count"/> slots and wakes waiting publishers.</summary>
    public void Release(int count)
    {
        Interlocked.Add(ref _released, count);
        if (Volatile.Read(ref _waiters) > 0)
        {
            WakePublishers();
        }

        LevelChanged(Used);
    }

    /// <summary>Stops taking events; what is queued can still be read. Waiting publishers give up; the reader is woken.</summary>
    public void Close()
    {
        Interlocked.Or(ref _queued, ClosedBit);
        Signal.Wake();
        WakePublishers();
    }

    internal static InvalidOperationException StoppedError() =>
        new("The publisher pipeline is stopping and no longer accepts events.");

    private static bool Check(EnqueueResult result) => result switch
    {
        EnqueueResult.Queued => true,
        EnqueueResult.Closed => throw StoppedError(),
        _ => false,
    };

    private EnqueueResult TryReserve(out long ordinal, out int used)
    {
        var queued = Volatile.Read(ref _queued);
        while (true)
        {
            used = 0;
            ordinal = queued;
            if ((queued & ClosedBit) != 0)
            {
                return EnqueueResult.Closed;
            }

            // Slots come back only after the reader took their events, so ordinal - capacity is taken and cleared.
            used = (int)(queued + 1 - Volatile.Read(ref _released));
            if (used > Capacity)
            {
                return EnqueueResult.Full;
            }

            var seen = Interlocked.CompareExchange(ref _queued, queued + 1, queued);
            if (seen == queued)
            {
                return EnqueueResult.Queued;
            }

            queued = seen;
        }
    }

    private void WakePublishers()
    {
        lock (_spaceGate)
        {
            _spaceGeneration++;
            Monitor.PulseAll(_spaceGate);
        }

        if (Volatile.Read(ref _asyncWaiters) > 0)
        {
            Interlocked.Exchange(ref _space, NewSignal()).TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
