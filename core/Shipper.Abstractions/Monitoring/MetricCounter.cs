namespace Shipper.Monitoring;

/// <summary>A 64-bit counter that may also go down (for "active" gauges). Lock-free and thread-safe.</summary>
public sealed class MetricCounter
{
    private long _value;

    /// <summary>Creates a counter at zero.</summary>
    public MetricCounter(string name) => Name = name;

    /// <summary>The dotted name, e.g. <c>libbeat.pipeline.events.total</c>.</summary>
    public string Name { get; }

    /// <summary>The current value.</summary>
    public long Value => Interlocked.Read(ref _value);

    /// <summary>Adds one.</summary>
    public void Increment() => Interlocked.Increment(ref _value);

    /// <summary>Subtracts one.</summary>
    public void Decrement() => Interlocked.Decrement(ref _value);

    /// <summary>Adds <paramref name="delta"/> (may be negative).</summary>
    public void Add(long delta) => Interlocked.Add(ref _value, delta);

    /// <summary>Replaces the value (for values polled from elsewhere, such as the kernel's lost counter).</summary>
    public void Set(long value) => Interlocked.Exchange(ref _value, value);
}
