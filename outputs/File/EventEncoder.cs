using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Shipper.Events;

namespace Shipper.Outputs.File;

/// <summary>
/// Turns one event into one newline-terminated JSON document. The buffer and writer are reused, so
/// encoding allocates only what the field values themselves need. Not thread-safe.
/// </summary>
internal sealed class EventEncoder : IDisposable
{
    private static readonly JsonWriterOptions CompactHtmlSafe = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        SkipValidation = true,
    };

    private static readonly JsonWriterOptions IndentedHtmlSafe = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = true,
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private readonly Utf8JsonWriter _writer;

    public EventEncoder(JsonCodecOptions codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        _writer = new Utf8JsonWriter(_line, ChooseOptions(codec));
    }

    /// <summary>
    /// Encodes <paramref name="e"/>; the returned bytes stay valid until the next call. Returns false with the
    /// reason when the event cannot be written as JSON (such as a string holding a lone surrogate).
    /// </summary>
    public bool TryEncode(Event e, out ReadOnlyMemory<byte> line, [NotNullWhen(false)] out string? error)
    {
        _line.ResetWrittenCount();
        _writer.Reset(_line);
        try
        {
            e.WriteJson(_writer);
            _writer.Flush();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            line = default;
            error = "cannot encode event as JSON: " + ex.Message;
            return false;
        }

        _line.GetSpan(1)[0] = (byte)'\n';
        _line.Advance(1);
        line = _line.WrittenMemory;
        error = null;
        return true;
    }

    public void Dispose() => _writer.Dispose();

    private static JsonWriterOptions ChooseOptions(JsonCodecOptions codec) => (codec.Pretty, codec.EscapeHtml) switch
    {
        (false, false) => FieldValueWriter.CompactOptions,
        (true, false) => FieldValueWriter.IndentedOptions,
        (false, true) => CompactHtmlSafe,
        (true, true) => IndentedHtmlSafe,
    };
}
