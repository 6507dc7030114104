using System.Buffers;
using System.Text.Json;
using Shipper.Events;
using Shipper.Monitoring;

namespace Shipper.Outputs.Console;

/// <summary>
/// Writes each batch to a stream (stdout) as JSON, one event per line unless pretty, in chunks of about 64 KB, and
/// acknowledges each event once its chunk is flushed. A write failure (a closed pipe) leaves the events not yet
/// written for retry.
/// </summary>
public sealed class ConsoleOutput : IOutput
{
    private const int ChunkBytes = 64 * 1024;
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly ConsoleOutputOptions _options;
    private readonly Stream _stream;
    private readonly IOutputMetrics _metrics;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _writer;

    /// <summary>Creates the output over <paramref name="stream"/> (stdout in production).</summary>
    public ConsoleOutput(ConsoleOutputOptions options, Stream stream, IOutputMetrics metrics)
    {
        _options = options;
        _stream = stream;
        _metrics = metrics;
        _writer = new Utf8JsonWriter(_buffer, options.Indented ? FieldValueWriter.IndentedOptions : FieldValueWriter.CompactOptions);
    }

    /// <inheritdoc />
    public int MaxBatchSize => _options.BulkMaxSize;

    /// <inheritdoc />
    public async ValueTask SendAsync(OutputBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Written in chunks, so a batch of thousands of events never needs a buffer of megabytes; an event is
            // acknowledged once its chunk is written and flushed.
            var first = 0;
            _buffer.ResetWrittenCount();
            for (var i = 0; i < batch.Count; i++)
            {
                _writer.Reset();
                batch[i].WriteJson(_writer);
                _writer.Flush();
                _buffer.Write(NewLine);
                if (_buffer.WrittenCount >= ChunkBytes || i == batch.Count - 1)
                {
                    if (!await WriteChunkAsync(batch, first, i + 1, cancellationToken))
                    {
                        return;
                    }

                    first = i + 1;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes the buffer (events <paramref name="from"/> to <paramref name="to"/>); a failure leaves them and the rest for retry.</summary>
    private async ValueTask<bool> WriteChunkAsync(OutputBatch batch, int from, int to, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.WriteAsync(_buffer.WrittenMemory, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }
        catch (IOException e)
        {
            _metrics.WriteError();
            for (var i = from; i < batch.Count; i++)
            {
                batch.Retry(i, "cannot write to stdout: " + e.Message);
            }

            return false;
        }

        _metrics.AddWriteBytes(_buffer.WrittenCount);
        _buffer.ResetWrittenCount();
        for (var i = from; i < to; i++)
        {
            batch.Acknowledge(i);
        }

        return true;
    }

    public ValueTask<bool> TestAsync(TextWriter report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.WriteLine($"console: writes {(_options.Indented ? "indented JSON" : "one JSON document per line")} to standard output... OK");
        return ValueTask.FromResult(_stream.CanWrite);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        try
        {
            await _stream.FlushAsync();
        }
        catch (IOException)
        {
            // stdout already closed by the reader: nothing left to deliver to.
        }

        _gate.Dispose();
    }
}
