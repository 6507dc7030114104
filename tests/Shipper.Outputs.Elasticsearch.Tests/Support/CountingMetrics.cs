using Shipper.Monitoring;

namespace Shipper.Outputs.Elasticsearch.Tests.Support;

/// <summary>Output I/O counters kept for assertions.</summary>
internal sealed class CountingMetrics : IOutputMetrics
{
    private long _written;
    private long _read;
    private int _writeErrors;
    private int _readErrors;

    public long Written => Interlocked.Read(ref _written);

    public long Read => Interlocked.Read(ref _read);

    public int WriteErrors => Volatile.Read(ref _writeErrors);

    public int ReadErrors => Volatile.Read(ref _readErrors);

    public void AddWriteBytes(long bytes) => Interlocked.Add(ref _written, bytes);

    public void AddReadBytes(long bytes) => Interlocked.Add(ref _read, bytes);

    public void WriteError() => Interlocked.Increment(ref _writeErrors);

    public void ReadError() => Interlocked.Increment(ref _readErrors);
}
