using System.Text;
using System.Text.Json;
using Shipper.Events;
using Shipper.Modules.Auditd.Interpretation;
using Shipper.Modules.Auditd.Normalization;
using Shipper.Modules.Auditd.Reassembly;
using Shipper.Modules.Auditd.Replay;
using Shipper.Modules.Auditd.Tests.Normalization;

namespace Shipper.Modules.Auditd.Tests.Replay;

/// <summary><c>replay --stdout</c> writes each document straight as JSON: it must be the document the pipeline gets.</summary>
public class DirectJsonTests
{
    public static TheoryData<string> OptionSets => ["defaults", "raw message, warnings and names"];

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Documents_written_straight_as_json_are_byte_for_byte_the_documents_built_as_maps(string optionSet)
    {
        var logs = Directory.EnumerateFiles(GoldenFiles.ConformanceRoot, "*.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(logs);
        var options = optionSet == "defaults"
            ? new NormalizerOptions(IncludeRawMessage: false, IncludeWarnings: false, Identities: null)
            : new NormalizerOptions(IncludeRawMessage: true, IncludeWarnings: true, Identities: new EtcIdentityResolver());

        var built = Replay(logs.Select(File.ReadAllBytes), options, direct: false);
        var direct = Replay(logs.Select(File.ReadAllBytes), options, direct: true);

        Assert.True(built.Count > 100, $"only {built.Count} documents");
        Assert.Equal(built.Count, direct.Count);
        for (var i = 0; i < built.Count; i++)
        {
            Assert.Equal(built[i], direct[i]);
        }

        // The map writer appends keys without looking for them first: no object may hold a key twice.
        foreach (var document in built)
        {
            using var parsed = JsonDocument.Parse(document);
            AssertNoKeyTwice(parsed.RootElement, document);
        }
    }

    private static void AssertNoKeyTwice(JsonElement element, string document)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                AssertNoKeyTwice(item, document);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                Assert.True(keys.Add(property.Name), $"key {property.Name} twice in {document}");
                AssertNoKeyTwice(property.Value, document);
            }
        }
    }

    [Fact]
    public void Node_names_incomplete_events_a_field_named_socket_and_escaped_values_come_out_the_same_both_ways()
    {
        // A node= prefix (host.name), an event cut short by the memory bound (tagged auditd_incomplete, with and
        // without rule keys), a record field called socket beside a SOCKADDR record (auditd.data.socket), and a value
        // that needs escaping.
        var log = Encoding.UTF8.GetBytes(string.Join('\n',
            "node=web-1 type=SYSCALL msg=audit(1700000000.100:10): arch=c000003e syscall=42 success=yes exit=0 a0=3 pid=100 ppid=1 auid=1000 uid=0 gid=0 euid=0 comm=\"curl\" exe=\"/usr/bin/curl\" key=\"net\" socket=\"tcp\"",
            "node=web-1 type=SOCKADDR msg=audit(1700000000.100:10): saddr=02000050C0A800010000000000000000",
            "type=SYSCALL msg=audit(1700000000.200:11): arch=c000003e syscall=2 success=no exit=-13 pid=101 auid=1000 uid=1000 comm=\"cat\"",
            "type=PATH msg=audit(1700000000.200:11): item=0 name=\"/etc/shadow\" inode=5 mode=0100640 ouid=0 ogid=42",
            "type=SYSCALL msg=audit(1700000000.300:12): arch=c000003e syscall=59 success=yes exit=0 pid=102 auid=1000 uid=1000 comm=\"ls\" key=\"exec\"",
            "type=EXECVE msg=audit(1700000000.300:12): argc=2 a0=\"ls\" a1=\"-l\"",
            "type=SYSCALL msg=audit(1700000000.400:13): arch=c000003e syscall=2 success=yes exit=3 pid=103 auid=1000 uid=1000 comm=6C73093C3E2622275C7FC3A9 exe=\"/bin/ls\"",
            string.Empty));
        var options = new NormalizerOptions(IncludeRawMessage: false, IncludeWarnings: true, Identities: null);
        var tight = new ReassemblerOptions { MaxBytes = 1 };

        foreach (var reassembler in new[] { new ReassemblerOptions(), tight })
        {
            var built = Replay([log], options, direct: false, reassembler);
            var direct = Replay([log], options, direct: true, reassembler);
            Assert.Equal(built, direct);
            Assert.Contains(built, d => d.Contains("\"host\":{\"name\":\"web-1\"}", StringComparison.Ordinal));

            // A hex-encoded comm with a tab, HTML characters, a quote, a backslash, DEL and a non-ASCII letter: escaped alike.
            Assert.Contains(built, d => d.Contains("\"name\":\"ls\\t<>&\\\"'\\\\\\u007F\u00e9\"", StringComparison.Ordinal));
            if (reassembler == tight)
            {
                Assert.Contains(built, d => d.Contains("\"tags\":[\"auditd_incomplete\"]", StringComparison.Ordinal));
                Assert.Contains(built, d => d.Contains("\"tags\":[\"exec\",\"auditd_incomplete\"]", StringComparison.Ordinal));
            }
            else
            {
                Assert.Contains(built, d => d.Contains("\"socket\":{\"family\":\"ipv4\"", StringComparison.Ordinal));
            }
        }
    }

    private static List<string> Replay(IEnumerable<byte[]> logs, NormalizerOptions options, bool direct, ReassemblerOptions? reassembler = null)
    {
        var documents = new List<string>();
        var buffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(buffer, FieldValueWriter.CompactOptions);
        AuditLogReplayer replayer;
        NdjsonEventWriter? lines = null;
        if (direct)
        {
            lines = new NdjsonEventWriter(buffer);
            replayer = new AuditLogReplayer(reassembler ?? new ReassemblerOptions(), options, lines);
        }
        else
        {
            replayer = new AuditLogReplayer(reassembler ?? new ReassemblerOptions(), options, e =>
            {
                e.WriteJson(writer);
                writer.Flush();
                writer.Reset();
                buffer.WriteByte((byte)'\n');
            });
        }

        foreach (var log in logs)
        {
            replayer.Feed(new MemoryStream(log, false));
        }

        replayer.Finish();
        lines?.Dispose();
        documents.AddRange(Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return documents;
    }
}
