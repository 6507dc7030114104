using Shipper.Events;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// Builds a document as a tree of new maps and lists, which the pipeline then owns: strings stay strings, numbers
/// keep their type (int for pids and ports, uint for the sequence), arrays are <c>List&lt;object?&gt;</c>.
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

    public void StartObject(string key, int size)
    {
        var map = new FieldMap(size);
        Current.Add(key, map);
        _open.Push(map);
    }

    public void StartObject(int size)
    {
        var map = new FieldMap(size);
        Items.Add(map);
        _open.Push(map);
    }

    public void EndObject() => _open.Pop();

    public void StartArray(string key, int size)
    {
        var list = new List<object?>(size);
        Current.Add(key, list);
        _open.Push(list);
    }

    public void EndArray() => _open.Pop();

    public void String(string key, string value) => Current.Add(key, value);

    public void String(string value) => Items.Add(value);

    public void Number(string key, int value) => Current.Add(key, value);

    public void Number(string key, uint value) => Current.Add(key, value);

    public void Map(string key, FieldMap map) => Current.Add(key, map);

    private FieldMap Current => (FieldMap)_open.Peek();

    private List<object?> Items => (List<object?>)_open.Peek();
}
