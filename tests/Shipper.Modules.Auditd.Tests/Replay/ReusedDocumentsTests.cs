using System.Text;
using System.Text.Json;
using Shipper.Events;
using Shipper.Modules.Auditd.Interpretation;
using Shipper.Modules.Auditd.Normalization;
using Shipper.Modules.Auditd.Reassembly;
using Shipper.Modules.Auditd.Replay;
using Shipper.Modules.Auditd.Tests.Normalization;

namespace Shipper.Modules.Auditd.Tests.Replay;

/// <summary><c>replay --stdout</c> builds each document from the maps of the one before: nothing may carry over.</summary>
public class ReusedDocumentsTests
{
    [Fact]
    public void Documents_built_from_reused_maps_are_byte_for_byte_the_documents_built_from_new_ones()
    {
        var logs = Directory.EnumerateFiles(GoldenFiles.ConformanceRoot, "*.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(logs);
        var options = new NormalizerOptions(IncludeRawMessage: true, IncludeWarnings: true, Identities: new EtcIdentityResolver());

        var fresh = Replay(logs, options, writeOnly: false);
        var reused = Replay(logs, options, writeOnly: true);

        Assert.True(fresh.Count > 100, $"only {fresh.Count} documents");
        Assert.Equal(fresh.Count, reused.Count);
        for (var i = 0; i < fresh.Count; i++)
        {
            Assert.Equal(fresh[i], reused[i]);
        }
    }

    private static List<string> Replay(List<string> logs, NormalizerOptions options, bool writeOnly)
    {
        var documents = new List<string>();
        var buffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(buffer, FieldValueWriter.CompactOptions);
        var replayer = new AuditLogReplayer(new ReassemblerOptions(), options, e =>
        {
            e.WriteJson(writer);
            writer.Flush();
            writer.Reset();
            documents.Add(Encoding.UTF8.GetString(buffer.ToArray()));
            buffer.SetLength(0);
        }, writeOnly: writeOnly);
        foreach (var log in logs)
        {
            using var stream = File.OpenRead(log);
            replayer.Feed(stream);
        }

        replayer.Finish();
        return documents;
    }
}
