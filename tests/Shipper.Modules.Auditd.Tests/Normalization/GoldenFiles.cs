using System.Text.Json.Nodes;

namespace Shipper.Modules.Auditd.Tests.Normalization;

/// <summary>Locates the shared conformance data and compares documents as flat dotted paths.</summary>
internal static class GoldenFiles
{
    public static string ConformanceRoot
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("SHIPPER_CONFORMANCE");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return fromEnvironment;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                // The copy in the repository (tests/conformance) first, then shared/ beside the clone.
                var candidate = System.IO.Directory.Exists(Path.Combine(dir.FullName, "tests", "conformance")) ? Path.Combine(dir.FullName, "tests", "conformance") : Path.Combine(dir.FullName, "shared", "conformance");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            return "/work/shared/conformance";
        }
    }

    /// <summary>Flattens a document to path → JSON text of each leaf; arrays of scalars stay whole, arrays of objects are indexed.</summary>
    public static SortedDictionary<string, string> Flatten(JsonNode node)
    {
        var flat = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk(node, string.Empty, flat);
        return flat;
    }

    public static IEnumerable<string> Diff(SortedDictionary<string, string> want, SortedDictionary<string, string> got)
    {
        foreach (var (path, value) in want)
        {
            if (!got.TryGetValue(path, out var actual))
            {
                yield return $"missing {path} = {value}";
            }
            else if (actual != value)
            {
                yield return $"{path}: want {value}, got {actual}";
            }
        }

        foreach (var (path, value) in got)
        {
            if (!want.ContainsKey(path))
            {
                yield return $"extra {path} = {value}";
            }
        }
    }

    private static void Walk(JsonNode? node, string path, SortedDictionary<string, string> flat)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Walk(child, path.Length == 0 ? key : $"{path}.{key}", flat);
                }

                break;
            case JsonArray array when array.Any(i => i is JsonObject):
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", flat);
                }

                break;
            default:
                flat[path] = node?.ToJsonString() ?? "null";
                break;
        }
    }
}
