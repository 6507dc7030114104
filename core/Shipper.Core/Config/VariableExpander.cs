using System.Text;
using Shipper.Config;

namespace Shipper.Core.Config;

/// <summary>
/// Expands <c>${NAME}</c>, <c>${NAME:default}</c> and <c>${NAME:?message}</c> in scalar values; <c>$${</c> is a
/// literal <c>${</c>. A name is looked up, first match wins, in:
/// (1) the resolved <c>path.home|config|data|logs</c> (flag, then setting, then computed default);
/// (2) a setting at that key path in the configuration itself (<c>${name}</c>, <c>${output.file.path}</c>);
/// (3) the environment. An undefined name with no default becomes the empty string, as in Beats.
/// A value that is exactly <c>${some.map}</c> takes the whole referenced map or list. Cycles are errors.
/// </summary>
internal sealed class VariableExpander(ConfigNode raw, Func<string, string?> environment)
{
    private readonly Dictionary<ConfigNode, ConfigNode> _done = new(ReferenceEqualityComparer.Instance);
    private readonly List<(ConfigNode Node, string Path)> _active = [];

    /// <summary>Answers <c>path.*</c> names with their resolved folder; null for other names.</summary>
    public Func<string, string?> PathLookup { get; set; } = _ => null;

    public ConfigNode Expand(ConfigNode node, string path)
    {
        if (_done.TryGetValue(node, out var finished))
        {
            return finished;
        }

        var at = _active.FindIndex(a => ReferenceEquals(a.Node, node));
        if (at >= 0)
        {
            var chain = string.Join(" -> ", _active[at..].Select(a => a.Path).Append(path));
            throw new ConfigException($"reference cycle: {chain}", _active[at].Path, _active[at].Node.Location);
        }

        _active.Add((node, path));
        var result = node switch
        {
            ScalarNode scalar => ExpandScalar(scalar, path),
            MapNode map => ExpandMap(map, path),
            _ => ExpandList((ListNode)node, path),
        };
        _active.RemoveAt(_active.Count - 1);
        _done[node] = result;
        return result;
    }

    private MapNode ExpandMap(MapNode map, string path)
    {
        var copy = new MapNode(map.Location);
        var changed = false;
        foreach (var (key, child) in map.Children)
        {
            var expanded = Expand(child, KeyPaths.Join(path, key));
            changed |= !ReferenceEquals(expanded, child);
            copy.Set(key, expanded, map.KeyLocation(key));
        }

        return changed ? copy : map;
    }

    private ListNode ExpandList(ListNode list, string path)
    {
        var copy = new ListNode(list.Location);
        var changed = false;
        for (var i = 0; i < list.Items.Count; i++)
        {
            var expanded = Expand(list.Items[i], KeyPaths.Join(path, i));
            changed |= !ReferenceEquals(expanded, list.Items[i]);
            copy.Items.Add(expanded);
        }

        return changed ? copy : list;
    }

    private ConfigNode ExpandScalar(ScalarNode scalar, string path)
    {
        var text = scalar.Text;
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return scalar;
        }

        if (text.StartsWith("${", StringComparison.Ordinal) && VariableSyntax.FindClose(text, 2) == text.Length - 1)
        {
            var (node, value, name) = Resolve(text[2..^1], scalar, path);
            return node switch
            {
                ScalarNode s => new ScalarNode(s.Text, scalar.Location, s.Quoted, s.IsNull),
                not null => node,
                _ => FromText(value ?? string.Empty, name, scalar, path),
            };
        }

        return scalar.WithText(Substitute(text, scalar, path), scalar.Location);
    }

    private string Substitute(string text, ScalarNode scalar, string path)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text.AsSpan(i).StartsWith("$${"))
            {
                builder.Append("${");
                i += 3;
            }
            else if (text.AsSpan(i).StartsWith("${"))
            {
                var close = VariableSyntax.FindClose(text, i + 2);
                if (close < 0)
                {
                    throw new ConfigException($"'${{' at character {i + 1} has no closing '}}' (write '$${{' for a literal '${{')", path, scalar.Location);
                }

                var (node, value, name) = Resolve(text[(i + 2)..close], scalar, path);
                builder.Append(node switch
                {
                    ScalarNode s => s.IsNull ? string.Empty : s.Text,
                    not null => throw new ConfigException($"'${{{name}}}' refers to {node.Kind}, which cannot be part of a longer text", path, scalar.Location),
                    _ => value ?? string.Empty,
                });
                i = close + 1;
            }
            else
            {
                builder.Append(text[i]);
                i++;
            }
        }

        return builder.ToString();
    }

    private (ConfigNode? Node, string? Text, string Name) Resolve(string inner, ScalarNode scalar, string path)
    {
        var colon = inner.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? inner : inner[..colon]).Trim();
        if (name.Length == 0)
        {
            throw new ConfigException($"'${{{inner}}}' has no variable name", path, scalar.Location);
        }

        var (node, text) = Lookup(name);
        if (colon < 0)
        {
            return (node, text, name);
        }

        var rest = inner[(colon + 1)..];
        if (rest.StartsWith('?'))
        {
            var empty = node is null ? string.IsNullOrEmpty(text) : node is ScalarNode { IsNull: true } or ScalarNode { Text.Length: 0 };
            if (empty)
            {
                var message = rest[1..].Trim();
                throw new ConfigException($"required variable '{name}' is not set: {(message.Length > 0 ? message : "no reason given")}", path, scalar.Location);
            }

            return (node, text, name);
        }

        return node is null && text is null ? (null, Substitute(rest, scalar, path), name) : (node, text, name);
    }

    private (ConfigNode? Node, string? Text) Lookup(string name)
    {
        if (PathLookup(name) is { } folder)
        {
            return (null, folder);
        }

        if (KeyPaths.Find(raw, name) is { } setting)
        {
            return (Expand(setting, name), null);
        }

        return (null, environment(name));
    }

    private static ConfigNode FromText(string value, string name, ScalarNode scalar, string path)
    {
        // As in Beats, an environment variable may hold a list or map in YAML flow syntax: HOSTS='["a", "b"]'.
        var trimmed = value.TrimStart();
        if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
        {
            try
            {
                return YamlTreeReader.Read(value, $"${{{name}}}", withPositions: false) ?? scalar.WithText(value, scalar.Location);
            }
            catch (ConfigException e)
            {
                throw new ConfigException($"'${{{name}}}' starts like a YAML list or map but is not one: {e.Reason}", path, scalar.Location, e);
            }
        }

        return scalar.WithText(value, scalar.Location);
    }
}
