namespace Shipper.Processors.Standard.Flow;

/// <summary>
/// A token bucket holding at most one unit's worth of events, starting full and refilling continuously.
/// Thread-safe: a lock per bucket, held for a few arithmetic operations.
/// </summary>
internal sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly double _capacity;
    private double _tokens;
    private long _updated;

    public TokenBucket(double capacity, long now)
    {
        _capacity = capacity;
        _tokens = capacity;
        _updated = now;
    }

    /// <summary>Takes one token when there is one.</summary>
    public bool TryTake(long now, double perTick)
    {
        lock (_gate)
        {
            Refill(now, perTick);
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }

    /// <summary>True when the bucket has refilled completely, so forgetting it changes nothing.</summary>
    public bool IsFull(long now, double perTick)
    {
        lock (_gate)
        {
            Refill(now, perTick);
            return _tokens >= _capacity;
        }
    }

    private void Refill(long now, double perTick)
    {
        if (now > _updated)
        {
            _tokens = Math.Min(_capacity, _tokens + ((now - _updated) * perTick));
            _updated = now;
        }
    }
}
