using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Shipper.Events;
using Shipper.Modules.Auditd.Normalization;
using Shipper.Modules.Auditd.Reassembly;
using Shipper.Modules.Auditd.Replay;

namespace Shipper.Benchmarks.EventStream;

/// <summary>
/// Parse + reassemble + normalise throughput on a 100,000-event synthetic audit.log held in memory, to a null sink
/// and to NDJSON (Stream.Null). One operation is one record, so the reported time is per record.
/// </summary>
[MemoryDiagnoser]
public class EventStreamBenchmarks
{
    private const int Events = 20_000;
    private byte[] _log = [];
    private int _records;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), "shipper-bench-events.log");
        AuditLogGenerator.Write(path, Events);
        _log = File.ReadAllBytes(path);
        _records = _log.Count(b => b == (byte)'\n');
    }

    [Benchmark]
    public long ToNullSink()
    {
        long events = 0;
        var replayer = new AuditLogReplayer(new ReassemblerOptions(), new NormalizerOptions(), _ => events++);
        replayer.Feed(new MemoryStream(_log, false));
        replayer.Finish();
        return events;
    }

    /// <summary>NDJSON as <c>replay --stdout</c> writes it: each document written straight as JSON, no maps.</summary>
    [Benchmark]
    public long ToNdjson()
    {
        using var lines = new NdjsonEventWriter(Stream.Null);
        var replayer = new AuditLogReplayer(new ReassemblerOptions(), new NormalizerOptions(), lines);
        replayer.Feed(new MemoryStream(_log, false));
        replayer.Finish();
        return replayer.Events;
    }

    /// <summary>NDJSON from documents built as maps, as the pipeline's console and file outputs get them.</summary>
    [Benchmark]
    public long ToNdjsonBuiltAsMaps()
    {
        long events = 0;
        using var writer = new Utf8JsonWriter(Stream.Null, FieldValueWriter.CompactOptions);
        var replayer = new AuditLogReplayer(new ReassemblerOptions(), new NormalizerOptions(), e =>
        {
            e.WriteJson(writer);
            writer.Flush();
            writer.Reset();
            events++;
        });
        replayer.Feed(new MemoryStream(_log, false));
        replayer.Finish();
        return events;
    }

    /// <summary>Records in the log (about 5 per syscall event), to turn time per operation into records/s.</summary>
    public int Records => _records;
}
