using Shipper.Pipeline;

namespace Shipper.Core.Pipeline;

/// <summary>
/// The pipeline's <see cref="IBackpressureSignal"/>. The state is recomputed only when something that can change
/// it happens: the queue crosses a watermark, the oldest in-flight batch changes, a batch starts or stops
/// retrying, an attempt's success differs from the last one, or the blocked-threshold timer fires. Reading
/// <see cref="Current"/> takes no lock. <see cref="Changed"/> is raised under the monitor's lock, so
/// transitions arrive in order and exactly once each.
/// </summary>
internal sealed class BackpressureMonitor : IBackpressureSignal, IDisposable
{
    private const int PressureBit = 1;
    private const int BlockedBit = 2;
    private const int FailingBit = 4;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _blockedThreshold;
    private readonly Func<int> _queued;
    private readonly Func<long> _oldestInFlight;
    private readonly ITimer _timer;
    private readonly int _capacity;
    private readonly int _highWater;
    private readonly int _lowWater;
    private volatile int _flags;
    private volatile bool _lastAttemptFailed;
    private int _retryingBatches;
    private long _droppedOnPublish;

    /// <param name="capacity">The queue size.</param>
    /// <param name="blockedThreshold">How long the oldest batch may stay unsettled before the output counts as blocked.</param>
    /// <param name="time">The clock.</param>
    /// <param name="queued">Reads the events holding queue slots.</param>
    /// <param name="oldestInFlight">Reads the dispatch timestamp of the oldest unsettled batch, 0 when none.</param>
    public BackpressureMonitor(int capacity, TimeSpan blockedThreshold, TimeProvider time, Func<int> queued, Func<long> oldestInFlight)
    {
        _capacity = capacity;
        _highWater = (int)Math.Ceiling(capacity * 0.9);
        _lowWater = (int)Math.Ceiling(capacity * 0.5);
        _blockedThreshold = blockedThreshold;
        _time = time;
        _queued = queued;
        _oldestInFlight = oldestInFlight;
        _timer = time.CreateTimer(static state => ((BackpressureMonitor)state!).Evaluate(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public event EventHandler<BackpressureState>? Changed;

    public BackpressureState Current => Snapshot(_flags);

    /// <summary>Called on every queue move; only crossing a watermark costs more than a field read.</summary>
    public void OnQueueLevel(int used)
    {
        var flags = _flags;
        var crossed = (flags & PressureBit) == 0
            ? used >= _highWater || ((flags & BlockedBit) != 0 && used >= _lowWater)
            : used < _lowWater && (flags & BlockedBit) == 0;
        if (crossed)
        {
            Evaluate();
        }
    }

    public void CountDroppedOnPublish() => Interlocked.Increment(ref _droppedOnPublish);

    public void RetryStarted()
    {
        Interlocked.Increment(ref _retryingBatches);
        Evaluate();
    }

    public void RetryEnded()
    {
        Interlocked.Decrement(ref _retryingBatches);
        Evaluate();
    }

    public void AttemptCompleted(bool failed)
    {
        if (_lastAttemptFailed != failed)
        {
            _lastAttemptFailed = failed;
            Evaluate();
        }
    }

    /// <summary>Recomputes the state and raises <see cref="Changed"/> when one of the three flags moved.</summary>
    public void Evaluate()
    {
        lock (_gate)
        {
            var blocked = Volatile.Read(ref _retryingBatches) > 0 | HeldTooLong(out var recheckIn);
            var used = _queued();
            var pressure = (_flags & PressureBit) != 0;
            if (used >= _highWater || (blocked && used >= _lowWater))
            {
                pressure = true;
            }
            else if (used < _lowWater && !blocked)
            {
                pressure = false;
            }

            _timer.Change(recheckIn, Timeout.InfiniteTimeSpan);
            var flags = (pressure ? PressureBit : 0) | (blocked ? BlockedBit : 0) | (_lastAttemptFailed ? FailingBit : 0);
            if (flags == _flags)
            {
                return;
            }

            _flags = flags;
            Changed?.Invoke(this, Snapshot(flags));
        }
    }

    public void Dispose() => _timer.Dispose();

    private bool HeldTooLong(out TimeSpan recheckIn)
    {
        recheckIn = Timeout.InfiniteTimeSpan;
        var oldest = _oldestInFlight();
        if (oldest == 0)
        {
            return false;
        }

        var age = _time.GetElapsedTime(oldest);
        if (age >= _blockedThreshold)
        {
            return true;
        }

        // Wake up when the oldest batch reaches the threshold, a hair late rather than early.
        recheckIn = _blockedThreshold - age + TimeSpan.FromMilliseconds(1);
        return false;
    }

    private BackpressureState Snapshot(int flags) => new(
        _queued(),
        _capacity,
        OutputBlocked: (flags & BlockedBit) != 0,
        OutputFailing: (flags & FailingBit) != 0,
        UnderPressure: (flags & PressureBit) != 0,
        DroppedOnPublish: Interlocked.Read(ref _droppedOnPublish));
}
