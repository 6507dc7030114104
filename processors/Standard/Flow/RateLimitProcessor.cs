using System.Collections.Concurrent;
using Shipper.Events;
using Shipper.Monitoring;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Flow;

/// <summary>
/// Drops events above <c>limit</c> (token bucket; a burst of one unit's worth is allowed), with one bucket per
/// combination of <c>fields</c> values. Dropped events count in <c>processors.rate_limit.dropped</c> and the pipeline's
/// <c>filtered</c>. Buckets that have refilled are forgotten once a minute, so memory follows the active keys.
/// </summary>
internal sealed class RateLimitProcessor : IProcessor
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly FieldPath[] _fields;
    private readonly double _capacity;
    private readonly double _perTick;
    private readonly TimeProvider _time;
    private readonly MetricCounter _dropped;
    private readonly TokenBucket? _single;
    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly long _sweepTicks;
    private long _nextSweep;

    public RateLimitProcessor(RateLimitOptions options, ProcessorSupport support)
    {
        if (options.Algorithm is { } algorithm && (algorithm.Keys.Count != 1 || algorithm.Keys[0] != "token_bucket" || algorithm.GetSection("token_bucket")!.Keys.Count > 0))
        {
            throw support.Config.Error("algorithm", "only 'token_bucket: {}' is available");
        }

        Name = support.Name;
        _fields = support.Paths("fields", options.Fields);
        _capacity = options.Burst;
        _time = support.Time;
        _perTick = options.PerSecond / _time.TimestampFrequency;
        _dropped = support.Counter("processors.rate_limit.dropped");
        var now = _time.GetTimestamp();
        _single = _fields.Length == 0 ? new TokenBucket(_capacity, now) : null;
        _sweepTicks = (long)(SweepInterval.TotalSeconds * _time.TimestampFrequency);
        _nextSweep = now + _sweepTicks;
    }

    public string Name { get; }

    /// <summary>Buckets held now (for tests).</summary>
    internal int BucketCount => _buckets.Count;

    public Event? Process(Event @event)
    {
        var now = _time.GetTimestamp();
        var bucket = _single ?? BucketFor(@event, now);
        if (bucket.TryTake(now, _perTick))
        {
            return @event;
        }

        _dropped.Increment();
        return null;
    }

    private TokenBucket BucketFor(Event @event, long now)
    {
        if (now >= Interlocked.Read(ref _nextSweep))
        {
            Sweep(now);
        }

        var key = Key(@event);
        return _buckets.TryGetValue(key, out var bucket) ? bucket : _buckets.GetOrAdd(key, _ => new TokenBucket(_capacity, now));
    }

    private string Key(Event @event)
    {
        if (_fields.Length == 1)
        {
            return _fields[0].TryGet(@event, out var one) ? FieldValues.ToText(one) : string.Empty;
        }

        var parts = new string[_fields.Length];
        for (var i = 0; i < _fields.Length; i++)
        {
            parts[i] = _fields[i].TryGet(@event, out var value) ? FieldValues.ToText(value) : string.Empty;
        }

        return string.Join('\u001f', parts);
    }

    private void Sweep(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (Interlocked.CompareExchange(ref _nextSweep, now + _sweepTicks, due) != due)
        {
            return;
        }

        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsFull(now, _perTick))
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }
}
