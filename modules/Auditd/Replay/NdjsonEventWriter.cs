using System.Buffers;
using System.Text.Json;
using Shipper.Events;

namespace Shipper.Modules.Auditd.Replay;

/// <summary>
/// Writes events to a stream as NDJSON through one reused buffer, handing the stream about 64 KB at a time (a JSON
/// writer over the stream itself flushes the stream, a write system call, for every event). <see cref="Dispose"/>
/// writes what is left. Not thread-safe.
/// </summary>
public sealed class NdjsonEventWriter : IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(ChunkBytes + (ChunkBytes / 2));
    private readonly Utf8JsonWriter _json;
    private readonly bool _lineByLine;

    /// <param name="stream">Where the lines go.</param>
    /// <param name="lineByLine">Write and flush every line at once (input that arrives over time, such as a pipe).</param>
    public NdjsonEventWriter(Stream stream, bool lineByLine = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _lineByLine = lineByLine;
        _json = new Utf8JsonWriter(_buffer, FieldValueWriter.CompactOptions);
    }

    /// <summary>Adds one event as a line.</summary>
    public void Write(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        e.WriteJson(StartLine());
        EndLine();
    }

    /// <summary>Starts a line: the writer to write one JSON value to, then call <see cref="EndLine"/>.</summary>
    public Utf8JsonWriter StartLine()
    {
        _json.Reset();
        return _json;
    }

    /// <summary>Ends the line begun by <see cref="StartLine"/>.</summary>
    public void EndLine()
    {
        _json.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        if (_lineByLine)
        {
            Flush();
        }
        else if (_buffer.WrittenCount >= ChunkBytes)
        {
            WriteBuffer();
        }
    }

    /// <summary>Writes the lines held and flushes the stream.</summary>
    public void Flush()
    {
        WriteBuffer();
        _stream.Flush();
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
    }

    private void WriteBuffer()
    {
        _stream.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
