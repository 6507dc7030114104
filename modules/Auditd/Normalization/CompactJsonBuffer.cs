using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Shipper.Events;
using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// A document's compact JSON, written straight into one reused byte buffer, then handed to a
/// <see cref="Utf8JsonWriter"/> whole (<see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/>). Names
/// are copied from their keys' encoded form; a string whose characters are all printable ASCII other than
/// <c>"</c> and <c>\</c> (almost every audit value), which the writers' encoder leaves as they are, is copied as
/// bytes; any other string is escaped by that encoder (<see cref="FieldValueWriter.CompactOptions"/>), so the bytes are
/// those a <see cref="Utf8JsonWriter"/> with those options writes. The caller writes a well-formed document: nothing is
/// checked. Not thread-safe.
/// </summary>
internal sealed class CompactJsonBuffer
{
    /// <summary>Characters copied as they are: printable ASCII but the quote and the backslash.</summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).Where(c => c is not '"' and not '\\')));

    private byte[] _bytes = new byte[4096];
    private int _length;
    private bool _first = true;

    public ReadOnlySpan<byte> WrittenSpan => _bytes.AsSpan(0, _length);

    public void Reset()
    {
        _length = 0;
        _first = true;
    }

    public void StartObject()
    {
        Separator();
        Byte((byte)'{');
        _first = true;
    }

    public void EndObject()
    {
        Byte((byte)'}');
        _first = false;
    }

    public void StartArray()
    {
        Separator();
        Byte((byte)'[');
        _first = true;
    }

    public void EndArray()
    {
        Byte((byte)']');
        _first = false;
    }

    /// <summary>A property's name; its value follows (with no separator of its own).</summary>
    public void Name(FieldKey key)
    {
        Separator();
        var name = key.Json.EncodedUtf8Bytes;
        var span = Reserve(name.Length + 3);
        span[0] = (byte)'"';
        name.CopyTo(span[1..]);
        span[name.Length + 1] = (byte)'"';
        span[name.Length + 2] = (byte)':';
        _length += name.Length + 3;
        _first = true;
    }

    public void String(string value)
    {
        Separator();
        if (value.AsSpan().IndexOfAnyExcept(Plain) < 0)
        {
            var span = Reserve(value.Length + 2);
            span[0] = (byte)'"';
            Ascii.FromUtf16(value, span[1..], out _);
            span[value.Length + 1] = (byte)'"';
            _length += value.Length + 2;
        }
        else
        {
            Quoted(JsonEncodedText.Encode(value, FieldValueWriter.CompactOptions.Encoder).EncodedUtf8Bytes);
        }
    }

    public void Number(long value)
    {
        Separator();
        var span = Reserve(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        _length += written;
    }

    public void Timestamp(DateTimeOffset timestamp)
    {
        Separator();
        var span = Reserve(FieldValueWriter.TimestampLength + 2);
        span[0] = (byte)'"';
        FieldValueWriter.FormatTimestamp(timestamp, span[1..]);
        span[FieldValueWriter.TimestampLength + 1] = (byte)'"';
        _length += FieldValueWriter.TimestampLength + 2;
    }

    /// <summary>A value already written as JSON (a shared map's object).</summary>
    public void Raw(ReadOnlySpan<byte> json)
    {
        Separator();
        json.CopyTo(Reserve(json.Length));
        _length += json.Length;
    }

    private void Quoted(ReadOnlySpan<byte> escaped)
    {
        var span = Reserve(escaped.Length + 2);
        span[0] = (byte)'"';
        escaped.CopyTo(span[1..]);
        span[escaped.Length + 1] = (byte)'"';
        _length += escaped.Length + 2;
    }

    private void Separator()
    {
        if (!_first)
        {
            Byte((byte)',');
        }

        _first = false;
    }

    private void Byte(byte value)
    {
        Reserve(1)[0] = value;
        _length++;
    }

    private Span<byte> Reserve(int count)
    {
        if (_bytes.Length - _length < count)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + count));
        }

        return _bytes.AsSpan(_length);
    }
}
