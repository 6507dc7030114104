using Shipper.Config;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Shipper.Core.Config;

/// <summary>
/// Reads YAML into a <see cref="ConfigNode"/> tree with YamlDotNet's event parser, so that every node keeps
/// its file, line and column. Dotted keys become nested maps here, and a key written twice is an error.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly Parser _parser;
    private readonly string _source;
    private readonly bool _withPositions;
    private readonly Dictionary<string, ConfigNode> _anchors = new(StringComparer.Ordinal);

    private YamlTreeReader(string text, string source, bool withPositions)
    {
        _parser = new Parser(new StringReader(text));
        _source = source;
        _withPositions = withPositions;
    }

    /// <summary>
    /// Reads one document; null when the text holds no document (empty or comments only).
    /// <c>withPositions</c> is false for text without lines, such as a <c>-E</c> value.
    /// </summary>
    public static ConfigNode? Read(string text, string source, bool withPositions = true)
    {
        var reader = new YamlTreeReader(text, source, withPositions);
        try
        {
            return reader.ReadDocument();
        }
        catch (YamlException e)
        {
            var at = withPositions ? YamlErrors.Locate(e, text, source) : new ConfigLocation(source, 0, 0);
            throw new ConfigException("invalid YAML: " + YamlErrors.PlainReason(e), null, at, e);
        }
    }

    private ConfigNode? ReadDocument()
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        _parser.Consume<DocumentStart>();
        var root = ReadNode(string.Empty);
        _parser.Consume<DocumentEnd>();
        if (!_parser.TryConsume<StreamEnd>(out _))
        {
            throw new ConfigException("only one YAML document is allowed in a config file ('---' starts a second one)", null, At(_parser.Current!.Start));
        }

        return root;
    }

    private ConfigNode ReadNode(string path)
    {
        ConfigNode node;
        AnchorName anchor;
        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            var location = At(scalar.Start);
            node = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty
                ? ScalarNode.Plain(scalar.Value, location)
                : new ScalarNode(scalar.Value, location, quoted: true, isNull: false);
            anchor = scalar.Anchor;
        }
        else if (_parser.TryConsume<MappingStart>(out var mapping))
        {
            node = ReadMapping(path, At(mapping.Start));
            anchor = mapping.Anchor;
        }
        else if (_parser.TryConsume<SequenceStart>(out var sequence))
        {
            node = ReadSequence(path, At(sequence.Start));
            anchor = sequence.Anchor;
        }
        else
        {
            var alias = _parser.Consume<AnchorAlias>();
            // A copy, so that merging a later file into one use of an anchor leaves the other uses alone.
            return _anchors.TryGetValue(alias.Value.Value, out var target)
                ? Copy(target)
                : throw new ConfigException($"alias '*{alias.Value.Value}' refers to no anchor written before it", path, At(alias.Start));
        }

        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private MapNode ReadMapping(string path, ConfigLocation location)
    {
        var map = new MapNode(location);
        List<(ConfigNode Source, ConfigLocation At)>? merges = null;
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            if (!_parser.TryConsume<Scalar>(out var key))
            {
                throw new ConfigException("a key must be plain text, not a map or a list", path.Length == 0 ? null : path, At(_parser.Current!.Start));
            }

            var keyLocation = At(key.Start);
            if (key.Value == "<<" && key.Style == ScalarStyle.Plain)
            {
                (merges ??= []).Add((ReadNode(path), keyLocation));
                continue;
            }

            var segments = KeyPaths.Split(key.Value)
                ?? throw new ConfigException($"key '{key.Value}' has an empty part between dots", KeyPaths.Join(path, key.Value), keyLocation);
            var value = ReadNode(KeyPaths.Join(path, key.Value));
            DottedKeys.Insert(map, path, segments, value, keyLocation);
        }

        foreach (var (source, at) in merges ?? [])
        {
            MergeKey(map, source, path, at);
        }

        return map;
    }

    /// <summary>
    /// YAML's merge key (<c>&lt;&lt;: *defaults</c> or a list of aliases): keys not written in the mapping itself
    /// are taken from the merged maps, the first map in the list winning.
    /// </summary>
    private static void MergeKey(MapNode map, ConfigNode source, string path, ConfigLocation at)
    {
        var sources = source is ListNode list ? list.Items : [source];
        foreach (var item in sources)
        {
            if (item is not MapNode from)
            {
                throw new ConfigException($"'<<' merges maps only, got {item.Kind}", path.Length == 0 ? null : path, at);
            }

            foreach (var (key, child) in from.Children)
            {
                if (!map.TryGet(key, out _))
                {
                    map.Set(key, Copy(child), from.KeyLocation(key));
                }
            }
        }
    }

    private ListNode ReadSequence(string path, ConfigLocation location)
    {
        var list = new ListNode(location);
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            list.Items.Add(ReadNode(KeyPaths.Join(path, list.Items.Count)));
        }

        return list;
    }

    private static ConfigNode Copy(ConfigNode node)
    {
        switch (node)
        {
            case MapNode map:
                var mapCopy = new MapNode(map.Location);
                foreach (var (key, child) in map.Children)
                {
                    mapCopy.Set(key, Copy(child), map.KeyLocation(key));
                }

                return mapCopy;
            case ListNode list:
                var listCopy = new ListNode(list.Location);
                listCopy.Items.AddRange(list.Items.Select(Copy));
                return listCopy;
            default:
                return node; // scalars are never changed in place
        }
    }

    private ConfigLocation At(Mark mark) => _withPositions ? new ConfigLocation(_source, (int)mark.Line, (int)mark.Column) : new ConfigLocation(_source, 0, 0);
}
