using Shipper.Events;
using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// Builds a document as a tree of new maps and lists, which the pipeline then owns: strings stay strings, numbers
/// keep their type (int for pids and ports, uint for the sequence), arrays are <c>List&lt;object?&gt;</c>. The
/// builder gives each key once per object, so keys are added without looking for them first.
/// </summary>
internal readonly struct MapDocumentWriter : IDocumentWriter
{
    private readonly Stack<object> _open;

    /// <param name="root">The document's fields (empty).</param>
    /// <param name="open">A stack reused across documents (emptied here, so a document cut short leaves nothing behind).</param>
    public MapDocumentWriter(FieldMap root, Stack<object> open)
    {
        _open = open;
        _open.Clear();
        _open.Push(root);
    }

    public void StartObject(FieldKey key, int size)
    {
        var map = new FieldMap(size);
        Current.Append(key.Text, map);
        _open.Push(map);
    }

    public void StartObject(int size)
    {
        var map = new FieldMap(size);
        Items.Add(map);
        _open.Push(map);
    }

    public void EndObject() => _open.Pop();

    public void StartArray(FieldKey key, int size)
    {
        var list = new List<object?>(size);
        Current.Append(key.Text, list);
        _open.Push(list);
    }

    public void EndArray() => _open.Pop();

    public void String(FieldKey key, string value) => Current.Append(key.Text, value);

    public void String(string value) => Items.Add(value);

    public void Number(FieldKey key, int value) => Current.Append(key.Text, value);

    public void Number(FieldKey key, uint value) => Current.Append(key.Text, value);

    public void Map(FieldKey key, FieldMap map) => Current.Append(key.Text, map);

    private FieldMap Current => (FieldMap)_open.Peek();

    private List<object?> Items => (List<object?>)_open.Peek();
}
