using System.Text;
using Shipper.Events;
using Shipper.Modules.Auditd.Normalization;
using Shipper.Modules.Auditd.Parsing;
using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Tests.Normalization;

/// <summary>Runs audit.log lines through parser, reassembler (log mode) and normaliser; returns the documents in completion order.</summary>
internal static class LogEngine
{
    public static List<Event> Run(IEnumerable<string> lines, NormalizerOptions options)
    {
        var sink = new NormalizingSink(new AuditEventNormalizer(options));
        var reassembler = new Reassembler(new ReassemblerOptions(), ReassemblerMode.Log, sink, new ReassemblerCounters());
        foreach (var line in lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            if (AuditRecordParser.ParseLogLine(bytes, out var record) == RecordParseStatus.Ok)
            {
                reassembler.Add(record, bytes, 0);
            }
        }

        reassembler.Flush();
        return sink.Events;
    }

    public static List<Event> Run(string text, NormalizerOptions? options = null) =>
        Run(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), options ?? new NormalizerOptions(Identities: new FakeIdentities()));

    private sealed class NormalizingSink(AuditEventNormalizer normalizer) : IAssembledEventSink
    {
        public List<Event> Events { get; } = [];

        public void OnEvent(AssembledEvent assembled)
        {
            using (assembled)
            {
                Events.Add(normalizer.Normalize(assembled));
            }
        }
    }
}
