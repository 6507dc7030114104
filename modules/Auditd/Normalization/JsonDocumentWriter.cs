using System.Text.Json;
using Shipper.Events;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// Writes a document straight to JSON, with no maps in between, for a caller that writes each document and keeps
/// nothing of it (<c>replay --stdout</c>). Names and values are written exactly as <see cref="Event.WriteJson"/>
/// writes the same document built as maps.
/// </summary>
/// <param name="json">Where the document goes.</param>
/// <param name="frozen">The JSON of shared frozen maps, or null to write them out each time.</param>
internal readonly struct JsonDocumentWriter(Utf8JsonWriter json, FrozenMapJson? frozen) : IDocumentWriter
{
    public void StartObject(string key, int size)
    {
        FieldValueWriter.WritePropertyName(json, key);
        json.WriteStartObject();
    }

    public void StartObject(int size) => json.WriteStartObject();

    public void EndObject() => json.WriteEndObject();

    public void StartArray(string key, int size)
    {
        FieldValueWriter.WritePropertyName(json, key);
        json.WriteStartArray();
    }

    public void EndArray() => json.WriteEndArray();

    public void String(string key, string value)
    {
        FieldValueWriter.WritePropertyName(json, key);
        json.WriteStringValue(value);
    }

    public void String(string value) => json.WriteStringValue(value);

    public void Number(string key, int value)
    {
        FieldValueWriter.WritePropertyName(json, key);
        json.WriteNumberValue(value);
    }

    public void Number(string key, uint value)
    {
        FieldValueWriter.WritePropertyName(json, key);
        json.WriteNumberValue(value);
    }

    public void Map(string key, FieldMap map)
    {
        FieldValueWriter.WritePropertyName(json, key);
        var written = frozen is not null && map.IsReadOnly ? frozen.Of(map) : default;
        if (written.IsEmpty)
        {
            FieldValueWriter.WriteMap(json, map);
        }
        else
        {
            json.WriteRawValue(written, skipInputValidation: true);
        }
    }
}
