using System.Text.Json;

namespace Shipper.Events;

/// <summary>
/// One event on its way from a module to an output: a timestamp, the indexed fields, and
/// <c>@metadata</c> that outputs read (index, pipeline, id) but never index.
/// Not thread-safe: an event is owned by one pipeline stage at a time.
/// </summary>
public sealed class Event
{
    /// <summary>Creates an event with the given timestamp and empty fields.</summary>
    public Event(DateTimeOffset timestamp)
        : this(timestamp, new FieldMap())
    {
    }

    /// <summary>Creates an event around an existing field tree (not copied).</summary>
    public Event(DateTimeOffset timestamp, FieldMap fields)
    {
        Timestamp = timestamp;
        Fields = fields;
    }

    /// <summary>When the event happened; written as <c>@timestamp</c> in UTC with millisecond precision.</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>The indexed document, without <c>@timestamp</c>.</summary>
    public FieldMap Fields { get; }

    /// <summary>Values for outputs that are not indexed (<c>@metadata</c>): index, pipeline, _id.</summary>
    /// <remarks>Made on first use: most events never carry any.</remarks>
    public FieldMap Metadata => _metadata ??= new FieldMap();

    private FieldMap? _metadata;

    /// <summary>A deep copy of the event.</summary>
    public Event Clone()
    {
        var copy = new Event(Timestamp, Fields.Clone());
        if (_metadata is { Count: > 0 })
        {
            copy.Metadata.DeepUpdate(_metadata);
        }

        return copy;
    }

    /// <summary>Writes the event as one JSON object: <c>@timestamp</c>, optionally <c>@metadata</c>, then the fields.</summary>
    public void WriteJson(Utf8JsonWriter writer, bool includeMetadata = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("@timestamp"u8);
        FieldValueWriter.WriteTimestamp(writer, Timestamp);
        if (includeMetadata && _metadata is { Count: > 0 })
        {
            writer.WritePropertyName("@metadata"u8);
            FieldValueWriter.WriteMap(writer, _metadata);
        }

        var fields = Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var key = fields.KeyAt(i);
            if (key == "@timestamp")
            {
                continue;
            }

            writer.WritePropertyName(PropertyNames.Encoded(key));
            FieldValueWriter.WriteValue(writer, fields.ValueAt(i));
        }

        writer.WriteEndObject();
    }

    /// <summary>The event as compact UTF-8 JSON (no <c>@metadata</c>).</summary>
    public byte[] ToJsonUtf8()
    {
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer, FieldValueWriter.CompactOptions))
        {
            WriteJson(writer);
        }

        return buffer.ToArray();
    }

    /// <inheritdoc />
    public override string ToString() => System.Text.Encoding.UTF8.GetString(ToJsonUtf8());
}
