using Shipper.Events;
using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// Receives a document from <see cref="DocumentBuilder"/> in document order, field by field: as a tree of maps for
/// the pipeline (<see cref="MapDocumentWriter"/>) or as JSON text for <c>replay --stdout</c>
/// (<see cref="JsonDocumentWriter"/>). One builder for both keeps the two byte-for-byte the same. A property's key is
/// given inside an object; an array's items have none. Sizes are hints for the map writer (how many keys or items
/// will follow).
/// </summary>
internal interface IDocumentWriter
{
    void StartObject(FieldKey key, int size);

    /// <summary>An object as the next item of the open array.</summary>
    void StartObject(int size);

    void EndObject();

    void StartArray(FieldKey key, int size);

    void EndArray();

    void String(FieldKey key, string value);

    /// <summary>A string as the next item of the open array.</summary>
    void String(string value);

    void Number(FieldKey key, int value);

    void Number(FieldKey key, uint value);

    /// <summary>A map made elsewhere, possibly shared and frozen (<c>service</c>, <c>user</c>).</summary>
    void Map(FieldKey key, FieldMap map);
}
