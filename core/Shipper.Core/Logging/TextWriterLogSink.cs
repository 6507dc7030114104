namespace Shipper.Core.Logging;

/// <summary>Writes log lines to a text writer (stderr), one writer call per line under a lock.</summary>
public sealed class TextWriterLogSink(TextWriter writer) : ILogSink
{
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public void WriteLine(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            writer.Flush();
        }
    }
}
