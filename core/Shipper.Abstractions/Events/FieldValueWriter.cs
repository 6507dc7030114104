using System.Collections;
using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Shipper.Events;

/// <summary>Writes field values as JSON, the one place that decides how each CLR type looks in a document.</summary>
public static class FieldValueWriter
{
    /// <summary>Compact writer options with relaxed escaping (non-ASCII kept as UTF-8, as Beats does).</summary>
    public static JsonWriterOptions CompactOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Indented writer options with the same escaping as <see cref="CompactOptions"/>.</summary>
    public static JsonWriterOptions IndentedOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
        SkipValidation = true,
    };

    /// <summary>The length of a timestamp's text (<see cref="FormatTimestamp"/>).</summary>
    public const int TimestampLength = 24;

    /// <summary>Writes a timestamp as Beats does: UTC, millisecond precision, <c>Z</c> suffix.</summary>
    public static void WriteTimestamp(Utf8JsonWriter writer, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[TimestampLength];
        FormatTimestamp(timestamp, text);
        writer.WriteStringValue(text);
    }

    /// <summary>
    /// Puts a timestamp's text as <see cref="WriteTimestamp"/> writes it (without quotes, ASCII) into the first
    /// <see cref="TimestampLength"/> bytes of <paramref name="destination"/>.
    /// </summary>
    public static void FormatTimestamp(DateTimeOffset timestamp, Span<byte> destination)
    {
        // The round-trip format ("O": yyyy-MM-ddTHH:mm:ss.fffffffZ for UTC) has a fast path that a custom pattern
        // lacks; its first 23 characters are the milliseconds, truncated as "fff" truncates.
        Span<byte> text = stackalloc byte[33];
        timestamp.UtcDateTime.TryFormat(text, out _, "O", CultureInfo.InvariantCulture);
        text[23] = (byte)'Z';
        text[..TimestampLength].CopyTo(destination);
    }

    /// <summary>
    /// Writes a field's name. The encoded form of each name is kept per thread, keyed by the string instance, so the
    /// same few hundred names (literals, interned keys) are not transcoded and escaped again for every event.
    /// </summary>
    public static void WritePropertyName(Utf8JsonWriter writer, string name)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(PropertyNames.Encoded(name));
    }

    /// <summary>Writes a nested map as a JSON object.</summary>
    public static void WriteMap(Utf8JsonWriter writer, FieldMap map)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(map);
        writer.WriteStartObject();
        for (var i = 0; i < map.Count; i++)
        {
            writer.WritePropertyName(PropertyNames.Encoded(map.KeyAt(i)));
            WriteValue(writer, map.ValueAt(i));
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes any supported field value.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case uint ui: writer.WriteNumberValue(ui); break;
            case ulong ul: writer.WriteNumberValue(ul); break;
            case short sh: writer.WriteNumberValue(sh); break;
            case ushort us: writer.WriteNumberValue(us); break;
            case byte by: writer.WriteNumberValue(by); break;
            case double d when double.IsFinite(d): writer.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): writer.WriteNumberValue(f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case DateTimeOffset dto: WriteTimestamp(writer, dto); break;
            case DateTime dt: WriteTimestamp(writer, new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt)); break;
            case FieldMap map: WriteMap(writer, map); break;
            case IPAddress ip: writer.WriteStringValue(ip.ToString()); break;
            case JsonElement element: element.WriteTo(writer); break;
            case IDictionary dictionary: WriteDictionary(writer, dictionary); break;
            case IEnumerable sequence: WriteSequence(writer, sequence); break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static void WriteDictionary(Utf8JsonWriter writer, IDictionary dictionary)
    {
        writer.WriteStartObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
            WriteValue(writer, entry.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteSequence(Utf8JsonWriter writer, IEnumerable sequence)
    {
        writer.WriteStartArray();
        if (sequence is IList<object?> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                WriteValue(writer, list[i]);
            }
        }
        else
        {
            foreach (var item in sequence)
            {
                WriteValue(writer, item);
            }
        }

        writer.WriteEndArray();
    }
}
