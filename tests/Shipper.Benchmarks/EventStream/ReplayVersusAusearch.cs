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
    /// <summary>
    /// The synthetic file, and (when <paramref name="corpus"/> is given) a file of real records: every audit.log
    /// under that folder repeated with serials moved on each time, so each copy makes new events. When
    /// <paramref name="shipper"/> (the built <c>dist/shipper</c>) is given, the whole command is also timed on each
    /// file, start-up included, with its peak resident memory: <c>replay --stdout</c>, and <c>replay -c</c> through
    /// the pipeline to the console output.
    /// </summary>
    public static void Run(int events, string? corpus = null, string? shipper = null)
    {
        var synthetic = AuditLogGenerator.Write(Path.Combine(Path.GetTempPath(), "shipper-bench-replay.log"), events);
        Compare("synthetic", synthetic, shipper);
        if (corpus is not null)
        {
            Compare("real records", RealRecords(corpus, synthetic), shipper);
        }
    }

    private static void Compare(string name, string path, string? shipperCommand)
    {
        var records = File.ReadLines(path).Count();
        var events = Replay(path);
        Console.WriteLine($"{name}: {path}, {records:N0} records, {events:N0} events, {new FileInfo(path).Length / 1e6:N1} MB");
        var engine = Best(() => _ = Replay(path));
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Report("replay engine in process (NDJSON to /dev/null)", engine, records, events, $"peak working set {peak / 1e6:N0} MB");
        if (shipperCommand is not null)
        {
            var config = Path.Combine(Path.GetTempPath(), "shipper-bench-replay-console.yml");
            File.WriteAllText(config, "shipper.modules:\n- module: auditd\noutput.console: {}\nlogging.level: warning\n");
            var stdout = BestCommand(shipperCommand, "replay", "--stdout", path);
            var console = BestCommand(shipperCommand, "-c", config, "replay", path);
            Report("shipper replay --stdout (whole command)", stdout, records, events, $"peak RSS {stdout.PeakKb / 1e3:N0} MB");
            Report("shipper replay -c (pipeline, console output)", console, records, events, $"peak RSS {console.PeakKb / 1e3:N0} MB");
        }

        var ausearchI = BestCommand("ausearch", "-i", "--input", path);
        var ausearchCsv = BestCommand("ausearch", "--format", "csv", "--input", path);
        Report("ausearch -i", ausearchI, records, null, $"replay engine is {ausearchI.Cpu / engine.Cpu:N1}x faster (CPU)");
        Report("ausearch --format csv", ausearchCsv, records, null, $"replay engine is {ausearchCsv.Cpu / engine.Cpu:N1}x faster (CPU)");
    }

    private static void Report(string what, Measured run, long records, long? events, string note) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: wall {run.Wall.TotalSeconds:N3} s, CPU {run.Cpu.TotalSeconds:N3} s; per CPU second {records / run.Cpu.TotalSeconds:N0} records/s{(events is { } e ? $", {e / run.Cpu.TotalSeconds:N0} events/s" : string.Empty)}; {note}"));

    /// <summary>Every *.log under <paramref name="corpus"/>, repeated until about as long as <paramref name="like"/> (at most 100,000 records: ausearch -i is slow on them), each copy's serials moved on (modulo 2^32, as the kernel's wrap).</summary>
    private static string RealRecords(string corpus, string like)
    {
        var lines = Directory.EnumerateFiles(corpus, "*.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines).Where(l => l.StartsWith("type=", StringComparison.Ordinal) || l.StartsWith("node=", StringComparison.Ordinal)).ToList();
        var target = Math.Min(File.ReadLines(like).Count(), 100_000);
        var path = Path.Combine(Path.GetTempPath(), "shipper-bench-replay-real.log");
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16);
        var serial = new System.Text.RegularExpressions.Regex(@"msg=audit\((\d+)\.(\d+):(\d+)\)");
        for (var copy = 0; copy * lines.Count < target; copy++)
        {
            foreach (var line in lines)
            {
                writer.WriteLine(serial.Replace(line, m => string.Create(CultureInfo.InvariantCulture,
                    $"msg=audit({m.Groups[1].Value}.{m.Groups[2].Value}:{(long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) + ((copy + 1) * 10_000_000L)) % (1L << 32)})"), 1));
            }
        }

        return path;
    }

    /// <summary>A run's wall time, CPU time (user + system) and peak resident set in KB.</summary>
    private readonly record struct Measured(TimeSpan Wall, TimeSpan Cpu, long PeakKb);

    /// <summary>The run with the least CPU time of three, of a command with stdout to /dev/null, measured by /usr/bin/time.</summary>
    private static Measured BestCommand(string program, params string[] arguments)
    {
        var best = new Measured(TimeSpan.MaxValue, TimeSpan.MaxValue, 0);
        for (var i = 0; i < 3; i++)
        {
            var report = Path.Combine(Path.GetTempPath(), "shipper-bench-time.txt");
            var clock = Stopwatch.StartNew();
            Tool("/usr/bin/time", ["-f", "%U %S %M", "-o", report, program, .. arguments]);
            var wall = clock.Elapsed;
            var fields = File.ReadAllLines(report)[^1].Split(' ');
            var cpu = TimeSpan.FromSeconds(double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture));
            if (cpu < best.Cpu)
            {
                best = new Measured(wall, cpu, Math.Max(best.PeakKb, long.Parse(fields[2], CultureInfo.InvariantCulture)));
            }
        }

        return best;
    }

    /// <summary>Replays one synthetic file <paramref name="rounds"/> times, printing each round's rate.</summary>
    public static void Loop(int events, int rounds, string? file = null, bool maps = false)
    {
        var path = file ?? AuditLogGenerator.Write(Path.Combine(Path.GetTempPath(), "shipper-bench-replay.log"), events);
        var records = File.ReadLines(path).Count();
        for (var i = 0; i < rounds; i++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var collections = GC.CollectionCount(0);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            if (maps)
            {
                ReplayToMaps(path);
            }
            else
            {
                Replay(path);
            }

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
            Time("parse + read fields", events, () => LogLineReader.ReadLines(new MemoryStream(log, false), line =>
            {
                if (Shipper.Modules.Auditd.Parsing.AuditRecordParser.ParseLogLine(line, out var record) == Shipper.Modules.Auditd.Parsing.RecordParseStatus.Ok)
                {
                    var reader = new Shipper.Modules.Auditd.Parsing.AuditFieldReader(record.Body);
                    while (reader.Read())
                    {
                    }
                }
            }));
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
            Time("+ndjson, written straight (replay --stdout)", events, () => Reassemble(log, e =>
            {
                using (e)
                {
                    normalizer.WriteJson(e, writer);
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-46} cpu {cpu.TotalMicroseconds / events,6:N2} µs/event, {allocated / (double)events,8:N0} B/event"));
    }

    private sealed class DelegateSink(Action<AssembledEvent> sink) : IAssembledEventSink
    {
        public void OnEvent(AssembledEvent assembled) => sink(assembled);
    }

    /// <returns>The number of events.</returns>
    private static long Replay(string path)
    {
        using var output = File.OpenWrite("/dev/null");
        using var lines = new NdjsonEventWriter(output);
        var replayer = new AuditLogReplayer(new ReassemblerOptions(), NormalizerOptions.From(new Shipper.Modules.Auditd.AuditdOptions()), lines);
        using var input = File.OpenRead(path);
        replayer.Feed(input);
        replayer.Finish();
        return replayer.Events;
    }

    /// <summary>As <see cref="Replay"/>, but each document is built as maps (the pipeline's form) and dropped: the null sink.</summary>
    private static void ReplayToMaps(string path)
    {
        var replayer = new AuditLogReplayer(new ReassemblerOptions(), NormalizerOptions.From(new Shipper.Modules.Auditd.AuditdOptions()), _ => { });
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

    /// <summary>The run with the least CPU time (this process's) of three.</summary>
    private static Measured Best(Action action)
    {
        var best = new Measured(TimeSpan.MaxValue, TimeSpan.MaxValue, 0);
        for (var i = 0; i < 3; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            var run = new Measured(clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, 0);
            best = run.Cpu < best.Cpu ? run : best;
        }

        return best;
    }
}
