using System.Text.Json.Nodes;
using Shipper.Modules.Auditd.Normalization;

namespace Shipper.Modules.Auditd.Tests.Normalization;

/// <summary>
/// The documents Auditbeat produced from its golden logs (conformance/auditbeat, Apache-2.0), compared field by field.
/// Differences are allowed only where listed in <see cref="Deviations"/>, each with the reason we differ.
/// </summary>
public class AuditbeatGoldenTests
{
    private static readonly string Directory = Path.Combine(GoldenFiles.ConformanceRoot, "auditbeat");

    public static TheoryData<string> Files() => [.. System.IO.Directory.GetFiles(Directory, "*.log").Select(f => Path.GetFileName(f)).Where(f => File.Exists(Path.Combine(Directory, f + "-expected.json")))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_golden_log_gives_auditbeats_documents(string file)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, file + "-expected.json")))!.AsArray();
        var actual = LogEngine.Run(File.ReadAllLines(Path.Combine(Directory, file)), new NormalizerOptions(true, true, new FakeIdentities()));

        Assert.Equal(expected.Count, actual.Count);
        var problems = new List<string>();
        foreach (var want in expected)
        {
            var sequence = (uint)want!["auditd"]!["sequence"]!;
            var got = actual.SingleOrDefault(e => (uint)e.Fields.GetValueOrDefault("auditd.sequence")! == sequence);
            if (got is null)
            {
                problems.Add($"sequence {sequence}: no document");
                continue;
            }

            var wantFlat = GoldenFiles.Flatten(want);
            var gotFlat = GoldenFiles.Flatten(JsonNode.Parse(got.ToString())!);
            Deviations.Apply(file, sequence, wantFlat, gotFlat);
            problems.AddRange(GoldenFiles.Diff(wantFlat, gotFlat).Select(d => $"{file} sequence {sequence}: {d}"));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
