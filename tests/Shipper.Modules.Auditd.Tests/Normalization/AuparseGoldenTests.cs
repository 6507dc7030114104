using System.Text;
using System.Text.Json.Nodes;
using Shipper.Modules.Auditd.Interpretation;
using Shipper.Modules.Auditd.Parsing;

namespace Shipper.Modules.Auditd.Tests.Normalization;

/// <summary>
/// go-libaudit's per-record parses (conformance/go-libaudit/auparse, Apache-2.0): every record's interpreted
/// key/value data, type and sequence, compared with ours (the golden files hold no per-record tags;
/// tags are compared in <see cref="GoLibauditGoldenTests"/>). Differences are only where go-libaudit is wrong.
/// </summary>
public class AuparseGoldenTests
{
    private static readonly string Directory = Path.Combine(GoldenFiles.ConformanceRoot, "go-libaudit", "auparse", "testdata");

    public static TheoryData<string> Files() => [.. System.IO.Directory.GetFiles(Directory, "*.log").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_record_is_read_as_go_libaudit_reads_it_where_it_is_right(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Directory, file)).Where(l => l.Length > 0).ToList();
        var golden = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, file + ".golden")))!.AsArray();
        var interpreter = new RecordInterpreter();
        var problems = new List<string>();
        Assert.Equal(golden.Count, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var want = golden[i];
            var status = AuditRecordParser.ParseLogLine(Encoding.UTF8.GetBytes(lines[i]), out var record);
            if (want is null)
            {
                // go-libaudit could not parse this line either.
                Assert.NotEqual(RecordParseStatus.Ok, status);
                continue;
            }

            Assert.Equal(RecordParseStatus.Ok, status);
            Assert.Equal((uint)want["sequence"]!, record.Serial);
            Assert.Equal((string)want["record_type"]!, RecordTypeNames.LowerNameOf(record.Type));
            var fields = new FieldList();
            interpreter.Read(record.Type, record.Body, fields, []);
            var data = new Dictionary<string, string>();
            foreach (var (key, value) in fields)
            {
                data.Add(key.Text, value);
            }

            var wantData = want["data"]?.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!) ?? [];
            AuparseDeviations.Apply(record.Type, wantData, data);
            foreach (var (key, value) in wantData)
            {
                if (!data.TryGetValue(key, out var got))
                {
                    problems.Add($"line {i + 1}: missing {key}={value}");
                }
                else if (got != value)
                {
                    problems.Add($"line {i + 1}: {key}: want {value}, got {got}");
                }
            }

            problems.AddRange(data.Keys.Except(wantData.Keys).Select(k => $"line {i + 1}: extra {k}={data[k]}"));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
