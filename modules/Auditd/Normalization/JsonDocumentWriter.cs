using System.Text.Json;
using Shipper.Events;
using Shipper.Modules.Auditd.Interpretation;

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
    public void StartObject(FieldKey key, int size)
    {
        json.WritePropertyName(key.Json);
        json.WriteStartObject();
    }

    public void StartObject(int size) => json.WriteStartObject();

    public void EndObject() => json.WriteEndObject();

    public void StartArray(FieldKey key, int size)
    {
        json.WritePropertyName(key.Json);
        json.WriteStartArray();
    }

    public void EndArray() => json.WriteEndArray();

    public void String(FieldKey key, string value)
    {
        json.WritePropertyName(key.Json);
        json.WriteStringValue(value);
    }

    public void String(string value) => json.WriteStringValue(value);

    public void Number(FieldKey key, int value)
    {
        json.WritePropertyName(key.Json);
        json.WriteNumberValue(value);
    }

    public void Number(FieldKey key, uint value)
    {
        json.WritePropertyName(key.Json);
        json.WriteNumberValue(value);
    }

    public void Map(FieldKey key, FieldMap map)
    {
        json.WritePropertyName(key.Json);
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
