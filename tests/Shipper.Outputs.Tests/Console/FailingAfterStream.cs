namespace Shipper.Outputs.Tests.Console;

/// <summary>Stdout as a stream that keeps what is written and breaks (a closed pipe) after a number of writes.</summary>
internal sealed class FailingAfterStream(int writesBeforeFailure) : MemoryStream
{
    private int _writes;

    public int Writes => _writes;

    public bool Broken { get; set; }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Broken || _writes >= writesBeforeFailure)
        {
            throw new IOException("Broken pipe");
        }

        _writes++;
        return base.WriteAsync(buffer, cancellationToken);
    }
}
