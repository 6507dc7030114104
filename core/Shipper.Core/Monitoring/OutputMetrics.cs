using Shipper.Monitoring;

namespace Shipper.Core.Monitoring;

/// <summary>
/// The <see cref="IOutputMetrics"/> handed to an output in its <c>OutputContext</c>: bytes and errors under
/// <c>libbeat.output.{read,write}.{bytes,errors}</c>. Create it from the same registry the pipeline uses.
/// Thread-safe and lock-free.
/// </summary>
public sealed class OutputMetrics : IOutputMetrics
{
    private readonly MetricCounter _writeBytes;
    private readonly MetricCounter _writeErrors;
    private readonly MetricCounter _readBytes;
    private readonly MetricCounter _readErrors;

    /// <summary>Creates (or finds) the four counters in <paramref name="registry"/>.</summary>
    public OutputMetrics(IMetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _writeBytes = registry.Counter("libbeat.output.write.bytes");
        _writeErrors = registry.Counter("libbeat.output.write.errors");
        _readBytes = registry.Counter("libbeat.output.read.bytes");
        _readErrors = registry.Counter("libbeat.output.read.errors");
    }

    /// <inheritdoc />
    public void AddWriteBytes(long bytes) => _writeBytes.Add(bytes);

    /// <inheritdoc />
    public void AddReadBytes(long bytes) => _readBytes.Add(bytes);

    /// <inheritdoc />
    public void WriteError() => _writeErrors.Increment();

    /// <inheritdoc />
    public void ReadError() => _readErrors.Increment();
}
