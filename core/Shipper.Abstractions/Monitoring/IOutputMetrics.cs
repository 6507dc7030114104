namespace Shipper.Monitoring;

/// <summary>The I/O counters an output reports: <c>libbeat.output.{read,write}.{bytes,errors}</c>. Thread-safe.</summary>
public interface IOutputMetrics
{
    /// <summary>Counts bytes written to the destination.</summary>
    void AddWriteBytes(long bytes);

    /// <summary>Counts bytes read from the destination.</summary>
    void AddReadBytes(long bytes);

    /// <summary>Counts one failed write.</summary>
    void WriteError();

    /// <summary>Counts one failed read.</summary>
    void ReadError();
}
