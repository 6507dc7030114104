using Shipper.Events;
using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// Writes a document straight to compact JSON, with no maps in between, for a caller that writes each document and
/// keeps nothing of it (<c>replay --stdout</c>). The bytes are those <see cref="Event.WriteJson"/> writes for the same
/// document built as maps (see <see cref="CompactJsonBuffer"/>).
/// </summary>
/// <param name="json">Where the document goes.</param>
/// <param name="frozen">The JSON of shared frozen maps.</param>
internal readonly struct JsonDocumentWriter(CompactJsonBuffer json, FrozenMapJson frozen) : IDocumentWriter
{
    public void StartObject(FieldKey key, int size)
    {
        json.Name(key);
        json.StartObject();
    }

    public void StartObject(int size) => json.StartObject();

    public void EndObject() => json.EndObject();

    public void StartArray(FieldKey key, int size)
    {
        json.Name(key);
        json.StartArray();
    }

    public void EndArray() => json.EndArray();

    public void String(FieldKey key, string value)
    {
        json.Name(key);
        json.String(value);
    }

    public void String(string value) => json.String(value);

    public void Number(FieldKey key, int value)
    {
        json.Name(key);
        json.Number(value);
    }

    public void Number(FieldKey key, uint value)
    {
        json.Name(key);
        json.Number(value);
    }

    public void Map(FieldKey key, FieldMap map)
    {
        json.Name(key);
        json.Raw(frozen.JsonOf(map));
    }
}
