using System.Text.Json;
using Shipper.Events;

namespace Shipper.Core.Monitoring;

/// <summary>Turns dotted metric names into nested JSON objects, as <c>/stats</c> shows them.</summary>
internal static class StatsJson
{
    /// <summary>
    /// Writes <paramref name="metrics"/> as a tree: <c>libbeat.pipeline.events.total=5</c> becomes
    /// <c>{"libbeat":{"pipeline":{"events":{"total":5}}}}</c>. A name that is also the prefix of another
    /// (<c>a.b</c> and <c>a.b.c</c>) keeps its own value under the key <c>value</c> of that object.
    /// </summary>
    public static byte[] Write(IEnumerable<KeyValuePair<string, long>> metrics, bool indented)
    {
        var root = new Node();
        foreach (var (name, value) in metrics)
        {
            var node = root;
            foreach (var segment in name.Split('.'))
            {
                node = node.Child(segment);
            }

            node.Value = value;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? FieldValueWriter.IndentedOptions : FieldValueWriter.CompactOptions))
        {
            root.WriteObject(writer);
        }

        return buffer.ToArray();
    }

    private sealed class Node
    {
        private SortedDictionary<string, Node>? _children;

        public long? Value { get; set; }

        public Node Child(string name)
        {
            _children ??= new SortedDictionary<string, Node>(StringComparer.Ordinal);
            if (!_children.TryGetValue(name, out var child))
            {
                child = new Node();
                _children[name] = child;
            }

            return child;
        }

        public void WriteObject(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            if (_children is not null && Value is { } own)
            {
                writer.WriteNumber("value", own);
            }

            foreach (var (name, child) in _children ?? [])
            {
                writer.WritePropertyName(name);
                if (child._children is null)
                {
                    writer.WriteNumberValue(child.Value ?? 0);
                }
                else
                {
                    child.WriteObject(writer);
                }
            }

            writer.WriteEndObject();
        }
    }
}
