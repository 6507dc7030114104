using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Shipper.Events;

namespace Shipper.Outputs.Elasticsearch.Bulk;

/// <summary>
/// One bulk request body being built: NDJSON pairs of a <c>create</c> action and a document, optionally gzipped
/// at the configured level. The buffers are reused from request to request. Not thread-safe: one per worker.
/// </summary>
internal sealed class BulkBody : IDisposable
{
    private readonly ArrayBufferWriter<byte> _ndjson = new(256 * 1024);
    private readonly MemoryStream _gzipped = new(64 * 1024);
    private readonly Utf8JsonWriter _writer;
    private readonly List<int> _slots = [];
    private readonly int _compressionLevel;

    public BulkBody(int compressionLevel)
    {
        _compressionLevel = compressionLevel;
        _writer = new Utf8JsonWriter(_ndjson, FieldValueWriter.CompactOptions);
    }

    /// <summary>For each item of the request, in order, the index of its event in the batch.</summary>
    public IReadOnlyList<int> Slots => _slots;

    /// <summary>The number of items.</summary>
    public int Count => _slots.Count;

    /// <summary>Uncompressed NDJSON size in bytes.</summary>
    public int RawLength => _ndjson.WrittenCount;

    /// <summary>True when <see cref="Seal"/> gzipped the body.</summary>
    public bool IsCompressed => _compressionLevel > 0;

    public void Reset()
    {
        _ndjson.ResetWrittenCount();
        _slots.Clear();
    }

    /// <summary>
    /// Appends a <c>create</c> of <paramref name="e"/> into <paramref name="index"/>. Returns false with the reason
    /// when the event cannot be written as JSON; the body is then left as it was.
    /// </summary>
    public bool TryAppend(int slot, Event e, string index, string? id, string? pipeline, out string? error)
    {
        var mark = _ndjson.WrittenCount;
        try
        {
            WriteAction(index, id, pipeline);
            _writer.Reset();
            e.WriteJson(_writer);
            _writer.Flush();
            NewLine();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            Truncate(mark);
            error = "cannot encode event as JSON: " + ex.Message;
            return false;
        }

        _slots.Add(slot);
        error = null;
        return true;
    }

    /// <summary>
    /// Appends the dead-letter document for an event Elasticsearch refused: the original as escaped JSON in
    /// <c>message</c>, with <c>error.type</c> (the HTTP status) and <c>error.message</c>, as Beats writes it.
    /// </summary>
    public void AppendDeadLetter(int slot, Event e, string index, string? id, int status, string reason)
    {
        WriteAction(index, id is null ? null : id + "-dlq", null);
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WritePropertyName("@timestamp"u8);
        FieldValueWriter.WriteTimestamp(_writer, e.Timestamp);
        _writer.WriteString("message"u8, System.Text.Encoding.UTF8.GetString(e.ToJsonUtf8()));
        _writer.WriteStartObject("error"u8);
        _writer.WriteString("type"u8, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _writer.WriteString("message"u8, reason);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.Flush();
        NewLine();
        _slots.Add(slot);
    }

    /// <summary>The bytes to send: the NDJSON, gzipped when compression is on. Valid until the next <see cref="Reset"/>.</summary>
    public ReadOnlyMemory<byte> Seal()
    {
        if (!IsCompressed)
        {
            return _ndjson.WrittenMemory;
        }

        _gzipped.SetLength(0);
        using (var gzip = new GZipStream(_gzipped, new ZLibCompressionOptions { CompressionLevel = _compressionLevel }, leaveOpen: true))
        {
            gzip.Write(_ndjson.WrittenSpan);
        }

        return _gzipped.GetBuffer().AsMemory(0, (int)_gzipped.Length);
    }

    /// <summary>A fresh random document id: 20 URL-safe characters (120 bits), like Elasticsearch's own.</summary>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[15];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    public void Dispose()
    {
        _writer.Dispose();
        _gzipped.Dispose();
    }

    private void WriteAction(string index, string? id, string? pipeline)
    {
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WriteStartObject("create"u8);
        _writer.WriteString("_index"u8, index);
        if (id is not null)
        {
            _writer.WriteString("_id"u8, id);
        }

        if (pipeline is not null)
        {
            _writer.WriteString("pipeline"u8, pipeline);
        }

        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.Flush();
        NewLine();
    }

    private void NewLine()
    {
        _ndjson.GetSpan(1)[0] = (byte)'\n';
        _ndjson.Advance(1);
    }

    private void Truncate(int length)
    {
        // ArrayBufferWriter cannot shrink; rewrite what came before (rare: only unencodable events get here).
        var kept = _ndjson.WrittenSpan[..length].ToArray();
        _ndjson.ResetWrittenCount();
        _ndjson.Write(kept);
    }
}
