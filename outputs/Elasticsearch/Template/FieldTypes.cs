using System.Reflection;

namespace Shipper.Outputs.Elasticsearch.Template;

/// <summary>
/// The field types of the index template, read from the embedded <c>fields.txt</c> (one <c>dotted.path type</c> per
/// line): every field the auditd module emits and the ECS fields the pipeline adds.
/// </summary>
internal static class FieldTypes
{
    private static readonly Lazy<IReadOnlyList<(string Path, string Type)>> Loaded = new(Load);

    public static IReadOnlyList<(string Path, string Type)> All => Loaded.Value;

    private static List<(string Path, string Type)> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Shipper.Outputs.Elasticsearch.Template.fields.txt")
            ?? throw new InvalidOperationException("the embedded field list is missing");
        using var reader = new StreamReader(stream);
        var fields = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var space = text.IndexOf(' ', StringComparison.Ordinal);
            fields.Add((text[..space], text[(space + 1)..].Trim()));
        }

        return fields;
    }
}
