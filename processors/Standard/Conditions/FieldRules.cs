using Shipper.Config;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>
/// Turns a <c>field: value</c> block of a condition into (key, path, value) triples. Dotted keys were expanded into
/// nested maps when the file was read, so nested maps are walked back into dotted paths here. The key is the
/// setting's path relative to the condition block, for located errors.
/// </summary>
internal static class FieldRules
{
    public static List<(string Key, FieldPath Path, object? Value)> Read(IConfigSection condition, string name, FieldMap? fields)
    {
        var flat = new List<(string Path, object? Value)>();
        if (fields is not null)
        {
            Flatten(fields, string.Empty, flat);
        }

        if (flat.Count == 0)
        {
            throw condition.Error(name, $"'{name}' needs at least one 'field: value' line");
        }

        return
        [
            .. flat.Select(f => (
                name + "." + f.Path,
                FieldPath.TryParse(f.Path) ?? throw condition.Error(name + "." + f.Path, $"'{f.Path}' is not a field path"),
                f.Value)),
        ];
    }

    private static void Flatten(FieldMap map, string prefix, List<(string, object?)> into)
    {
        foreach (var (key, value) in map)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (value is FieldMap { Count: > 0 } nested)
            {
                Flatten(nested, path, into);
            }
            else
            {
                into.Add((path, value));
            }
        }
    }
}
