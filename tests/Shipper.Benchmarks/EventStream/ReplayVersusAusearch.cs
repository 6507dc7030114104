using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Shipper.Events;
using Shipper.Modules.Auditd.Normalization;
using Shipper.Modules.Auditd.Reassembly;
using Shipper.Modules.Auditd.Replay;

namespace Shipper.Benchmarks.EventStream;

/// <summary>
/// End to end on one file: the replay engine writing NDJSON to /dev/null (in process, as <c>shipper replay
/// --stdout</c> does after start-up) against <c>ausearch -i</c> and <c>ausearch --format csv</c> on the same file.
/// Each is run three times; the best time counts. Also peak working set of this process while replaying.
/// </summary>
public static class ReplayVersusAusearch
{
    public static void Run(int events)
    {
        var path = AuditLogGenerator.Write(Path.Combine(Path.GetTempPath(), "shipper-bench-replay.log"), events);
        var records = File.ReadLines(path).Count();
        Console.WriteLine($"file: {path}, {records:N0} records, {events:N0} events, {new FileInfo(path).Length / 1e6:N1} MB");
        var shipper = Best(() => Replay(path));
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var ausearchI = Best(() => Tool("ausearch", "-i", "--input", path));
        var ausearchCsv = Best(() => Tool("ausearch", "--format", "csv", "--input", path));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shipper replay (NDJSON): {shipper.TotalSeconds:N2} s, {records / shipper.TotalSeconds:N0} records/s, {events / shipper.TotalSeconds:N0} events/s, peak working set {peak / 1e6:N0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ausearch -i:             {ausearchI.TotalSeconds:N2} s, {records / ausearchI.TotalSeconds:N0} records/s (shipper is {ausearchI / shipper:N1}x faster)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ausearch --format csv:   {ausearchCsv.TotalSeconds:N2} s, {records / ausearchCsv.TotalSeconds:N0} records/s (shipper is {ausearchCsv / shipper:N1}x faster)"));
    }

    /// <summary>Replays one synthetic file <paramref name="rounds"/> times, printing each round's rate.</summary>
    public static void Loop(int events, int rounds)
    {
        var path = AuditLogGenerator.Write(Path.Combine(Path.GetTempPath(), "shipper-bench-replay.log"), events);
        var records = File.ReadLines(path).Count();
        for (var i = 0; i < rounds; i++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var collections = GC.CollectionCount(0);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            Replay(path);
            var elapsed = clock.Elapsed;
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {i}: {elapsed.TotalSeconds:N3} s (cpu {cpu.TotalSeconds:N3} s), {records / elapsed.TotalSeconds:N0} records/s, {events / elapsed.TotalSeconds:N0} events/s, {allocated / (double)events:N0} B/event, {GC.CollectionCount(0) - collections} gen0 GCs"));
        }
    }

    /// <summary>CPU time of each stage alone on one file: parse, + reassemble, + normalise, + NDJSON.</summary>
    public static void Stages(int events, int rounds)
    {
        var path = AuditLogGenerator.Write(Path.Combine(Path.GetTempPath(), "shipper-bench-replay.log"), events);
        var log = File.ReadAllBytes(path);
        var normalizer = new AuditEventNormalizer(NormalizerOptions.From(new Shipper.Modules.Auditd.AuditdOptions()));
        using var writer = new Utf8JsonWriter(Stream.Null, FieldValueWriter.CompactOptions);
        for (var i = 0; i < rounds; i++)
        {
            Time("parse", events, () => LogLineReader.ReadLines(new MemoryStream(log, false), line => Shipper.Modules.Auditd.Parsing.AuditRecordParser.ParseLogLine(line, out _)));
            Time("+reassemble", events, () => Reassemble(log, e => e.Dispose()));
            Time("+normalise", events, () => Reassemble(log, e => { using (e) { normalizer.Normalize(e); } }));
            Time("+ndjson", events, () => Reassemble(log, e =>
            {
                using (e)
                {
                    normalizer.Normalize(e).WriteJson(writer);
                    writer.Flush();
                    writer.Reset();
                }
            }));
        }
    }

    private static void Reassemble(byte[] log, Action<AssembledEvent> sink)
    {
        var reassembler = new Reassembler(new ReassemblerOptions(), ReassemblerMode.Log, new DelegateSink(sink), new ReassemblerCounters());
        LogLineReader.ReadLines(new MemoryStream(log, false), line =>
        {
            if (Shipper.Modules.Auditd.Parsing.AuditRecordParser.ParseLogLine(line, out var record) == Shipper.Modules.Auditd.Parsing.RecordParseStatus.Ok)
            {
                reassembler.Add(record, line, 0);
            }
        });
        reassembler.Flush();
    }

    private static void Time(string stage, int events, Action action)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        action();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-12} cpu {cpu.TotalMicroseconds / events,6:N2} µs/event, {allocated / (double)events,8:N0} B/event"));
    }

    private sealed class DelegateSink(Action<AssembledEvent> sink) : IAssembledEventSink
    {
        public void OnEvent(AssembledEvent assembled) => sink(assembled);
    }

    private static void Replay(string path)
    {
        using var output = File.OpenWrite("/dev/null");
        using var buffered = new BufferedStream(output, 1 << 16);
        using var writer = new Utf8JsonWriter(buffered, FieldValueWriter.CompactOptions);
        var replayer = new AuditLogReplayer(new ReassemblerOptions(), NormalizerOptions.From(new Shipper.Modules.Auditd.AuditdOptions()), e =>
        {
            e.WriteJson(writer);
            writer.Flush();
            writer.Reset();
            buffered.WriteByte((byte)'\n');
        });
        using var input = File.OpenRead(path);
        replayer.Feed(input);
        replayer.Finish();
    }

    private static void Tool(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        process.StandardError.ReadToEnd();
        drain.Wait();
        process.WaitForExit();
    }

    private static TimeSpan Best(Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        return best;
    }
}
