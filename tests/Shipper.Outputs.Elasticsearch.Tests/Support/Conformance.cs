using System.Text.Json;

namespace Shipper.Outputs.Elasticsearch.Tests.Support;

/// <summary>
/// The Auditbeat documents in the shared conformance folder (<c>shared/conformance/auditbeat</c>, beside the
/// repository), which show every field the auditd module emits.
/// </summary>
internal static class Conformance
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                // The copy in the repository (tests/conformance) first, then shared/ beside the clone.
                var candidate = System.IO.Directory.Exists(Path.Combine(dir.FullName, "tests", "conformance", "auditbeat")) ? Path.Combine(dir.FullName, "tests", "conformance", "auditbeat") : Path.Combine(dir.FullName, "shared", "conformance", "auditbeat");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            return "/work/shared/conformance/auditbeat";
        }
    }

    public static IEnumerable<JsonElement> ExpectedDocuments()
    {
        foreach (var file in Directory.EnumerateFiles(Folder, "*-expected.json").Concat(new[] { "execve.json", "accept.json" }.Select(f => Path.Combine(Folder, f)).Where(File.Exists)))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement.Clone();
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in root.EnumerateArray())
                {
                    yield return item;
                }
            }
            else
            {
                yield return root;
            }
        }
    }
}
