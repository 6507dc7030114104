using System.Text.Json.Nodes;
using Shipper.Events;
using Shipper.Modules.Auditd.Normalization;
using YamlDotNet.RepresentationModel;

namespace Shipper.Modules.Auditd.Tests.Normalization;

/// <summary>
/// go-libaudit's coalesced events (conformance/go-libaudit/aucoalesce, Apache-2.0): 48 named multi-record events.
/// Our documents are mapped back to go-libaudit's shape (summary, process, data, paths, file, ECS category and type,
/// result, session, tags) and compared. Where go-libaudit is wrong we are right, and the rewrite below says why.
/// </summary>
public class GoLibauditGoldenTests
{
    private static readonly string Directory = Path.Combine(GoldenFiles.ConformanceRoot, "go-libaudit", "aucoalesce", "testdata");

    public static TheoryData<string> Files() => [.. System.IO.Directory.GetFiles(Directory, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_named_event_coalesces_as_go_libaudit_does_where_it_is_right(string name)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Directory, name + ".yaml"))));
        var tests = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["tests"];
        var golden = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, name + ".json.golden")))!.AsArray();
        var problems = new List<string>();
        foreach (var (key, value) in tests.Children)
        {
            var testName = ((YamlScalarNode)key).Value!;
            var want = golden.Single(g => (string)g!["test_name"]! == testName)!["event"]!;
            var documents = LogEngine.Run(((YamlScalarNode)value).Value!, new NormalizerOptions());
            if (documents.Count != 1)
            {
                problems.Add($"{testName}: {documents.Count} documents");
                continue;
            }

            var wantFlat = GoldenFiles.Flatten(Expected(want));
            var gotFlat = GoldenFiles.Flatten(Actual(documents[0]));
            GoDeviations.Apply(wantFlat, gotFlat);
            problems.AddRange(GoldenFiles.Diff(wantFlat, gotFlat).Select(d => $"{testName}: {d}"));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>The fields of go-libaudit's event we compare, under go-libaudit's names.</summary>
    private static JsonObject Expected(JsonNode want)
    {
        var result = new JsonObject
        {
            ["sequence"] = want["sequence"]?.DeepClone(),
            ["record_type"] = want["record_type"]?.DeepClone(),
            ["result"] = want["result"]?.DeepClone(),
            ["summary"] = want["summary"]?.DeepClone(),
            ["process"] = want["process"]?.DeepClone(),
            ["data"] = want["data"]?.DeepClone(),
            ["paths"] = want["paths"]?.DeepClone(),
            ["file"] = want["file"]?.DeepClone(),
            ["tags"] = want["tags"]?.DeepClone(),
            ["category"] = want["ecs"]?["event"]?["category"]?.DeepClone(),
            ["type"] = want["ecs"]?["event"]?["type"]?.DeepClone(),
        };
        if ((string?)want["session"] is { Length: > 0 } session && session != "unset")
        {
            result["session"] = session;
        }

        return Clean(result);
    }

    /// <summary>Our document in go-libaudit's shape.</summary>
    private static JsonObject Actual(Event document)
    {
        var doc = JsonNode.Parse(document.ToString())!;
        var auditd = doc["auditd"]!;
        var data = auditd["data"]!.DeepClone().AsObject();
        if (data["socket"] is JsonObject socket)
        {
            data.Remove("socket");
            foreach (var (k, v) in socket)
            {
                data["socket_" + k] = v!.DeepClone();
            }
        }

        var process = doc["process"];
        var summary = auditd["summary"]?.DeepClone().AsObject() ?? [];
        if (doc["event"]?["action"] is { } action)
        {
            summary["action"] = action.DeepClone();
        }

        var result = new JsonObject
        {
            ["sequence"] = auditd["sequence"]?.DeepClone(),
            ["record_type"] = auditd["message_type"]?.DeepClone(),
            ["result"] = auditd["result"]?.DeepClone(),
            ["session"] = auditd["session"]?.DeepClone(),
            ["summary"] = summary,
            ["process"] = process is null ? null : new JsonObject
            {
                ["pid"] = process["pid"]?.ToJsonString(),
                ["ppid"] = process["parent"]?["pid"]?.ToJsonString(),
                ["title"] = process["title"]?.DeepClone(),
                ["name"] = process["name"]?.DeepClone(),
                ["exe"] = process["executable"]?.DeepClone(),
                ["cwd"] = process["working_directory"]?.DeepClone(),
                ["args"] = process["args"]?.DeepClone(),
            },
            ["data"] = data,
            ["paths"] = auditd["paths"]?.DeepClone(),
            ["file"] = doc["file"]?.DeepClone(),
            ["tags"] = doc["tags"]?.DeepClone(),
            ["category"] = doc["event"]?["category"]?.DeepClone(),
            ["type"] = doc["event"]?["type"]?.DeepClone(),
        };
        return Clean(result);
    }

    private static JsonObject Clean(JsonObject obj)
    {
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            if (obj[key] is null || (obj[key] is JsonObject child && Clean(child).Count == 0))
            {
                obj.Remove(key);
            }
        }

        return obj;
    }
}
