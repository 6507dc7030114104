namespace Shipper.Core.Logging;

/// <summary>A destination for formatted log lines. Implementations are thread-safe.</summary>
public interface ILogSink : IDisposable
{
    /// <summary>Writes one complete line (without its newline).</summary>
    void WriteLine(string line);
}
