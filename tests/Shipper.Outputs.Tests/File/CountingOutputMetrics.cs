using Shipper.Monitoring;

namespace Shipper.Outputs.Tests.File;

/// <summary>Counts what an output reports.</summary>
internal sealed class CountingOutputMetrics : IOutputMetrics
{
    private long _writeBytes;
    private long _writeErrors;

    public long WriteBytes => Interlocked.Read(ref _writeBytes);

    public long WriteErrors => Interlocked.Read(ref _writeErrors);

    public void AddWriteBytes(long bytes) => Interlocked.Add(ref _writeBytes, bytes);

    public void AddReadBytes(long bytes)
    {
    }

    public void WriteError() => Interlocked.Increment(ref _writeErrors);

    public void ReadError()
    {
    }
}
