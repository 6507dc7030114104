using System.Threading.Tasks.Sources;

namespace Shipper.Core.Pipeline;

/// <summary>
/// Where one task (the batch consumer, or one output worker) parks until another thread has work for it. The
/// waiter parks with a threshold on a count that publishers raise (<see cref="OnCount"/>), so a consumer that needs
/// a whole batch is woken once, by the event that completes it, not by every event; anything else (a worker coming
/// free, the flush timer, closing, cancellation) wakes it at once with <see cref="Wake"/>. The same value-task
/// source is reused for every park, so parking and waking allocate nothing.
/// </summary>
/// <remarks>
/// To park: <see cref="Arm"/>, then check the condition waited for, then await <see cref="WaitAsync"/> with the
/// result. Checking after arming is what makes a wake that raced with the park impossible to lose: a waker either
/// sees the park (and completes it) or made its change before the check (which then sees it).
/// Only one task may park on a signal, and it must not park again before its last wait completed.
/// </remarks>
internal sealed class ParkingSignal : IValueTaskSource
{
    /// <summary>A threshold no count reaches: park until <see cref="Wake"/>.</summary>
    public const long Never = long.MaxValue - 1;

    private const long NotParked = long.MaxValue;
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private long _wakeAt = NotParked;

    /// <summary>Parks: from now on, <see cref="OnCount"/> with a count of at least <paramref name="wakeAt"/> wakes the waiter.</summary>
    public void Arm(long wakeAt)
    {
        _core.Reset();
        Interlocked.Exchange(ref _wakeAt, Math.Min(wakeAt, Never));
    }

    /// <summary>
    /// Completes at once when <paramref name="readyNow"/> and no waker has claimed the park yet; otherwise when woken.
    /// </summary>
    public ValueTask WaitAsync(bool readyNow) =>
        readyNow && Interlocked.Exchange(ref _wakeAt, NotParked) != NotParked ? default : new ValueTask(this, _core.Version);

    /// <summary>
    /// Called by a publisher after raising the count to <paramref name="count"/>; the change must be made with a full
    /// fence (an interlocked write), or this read could pass it and miss a park armed meanwhile.
    /// </summary>
    public void OnCount(long count)
    {
        if (count >= Volatile.Read(ref _wakeAt))
        {
            Wake();
        }
    }

    /// <summary>
    /// Wakes the waiter if it is parked; does nothing otherwise. Callers make their change first, with a full fence
    /// (an interlocked write), for the same reason as in <see cref="OnCount"/>.
    /// </summary>
    public void Wake()
    {
        if (Volatile.Read(ref _wakeAt) != NotParked && Interlocked.Exchange(ref _wakeAt, NotParked) != NotParked)
        {
            _core.SetResult(true);
        }
    }

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
