using System.Globalization;
using BenchmarkDotNet.Running;
using Shipper.Benchmarks.Elasticsearch;

// Besides the BenchmarkDotNet benchmarks, two modes for the Elasticsearch end-to-end harness:
//   es-e2e [events]      ships events through the pipeline into a local bulk endpoint (docs/benchmarks.md)
//   es-endpoint PORT     that endpoint, started by es-e2e in its own process
//   replay-vs-ausearch [events] [corpus-dir] [dist/shipper]   the replay engine (and the whole command) against
//                                 ausearch on a synthetic audit.log and on real records repeated
//   auditd-backpressure [syscalls]   an audited workload's slowdown per backpressure strategy, and under auditd (live kernel)
//   auditd-storm [processes] [syscalls] [auditd,auto,none] [warm-up calls]   events lost and CPU per event, shipper against auditd (live kernel)
//   storm-shipper CONFIG stalled|file     the shipper daemon those two start in a child process
//   replay-loop [events] [rounds] [file|-] [maps]   the replay engine alone, repeatedly, for profilers (perf, dotnet-trace);
//                                 maps: documents built as maps and dropped (the null sink) instead of written as NDJSON
//   replay-stages [events] [rounds] CPU time and allocation of each stage of the replay engine
//   pipeline-allocations [rounds] [queue.mem.events] [flush.min_events]   which types the publisher pipeline allocates while events flow
switch (args.FirstOrDefault())
{
    case "es-e2e":
        await EndToEndHarness.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000);
        break;
    case "replay-vs-ausearch":
        Shipper.Benchmarks.EventStream.ReplayVersusAusearch.Run(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000,
            args.Length > 2 ? args[2] : null,
            args.Length > 3 ? args[3] : null);
        break;
    case "auditd-backpressure":
        Shipper.Benchmarks.Auditd.BackpressureSlowdownHarness.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
        break;
    case "auditd-storm":
        Shipper.Benchmarks.Auditd.StormComparisonHarness.Run(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 25_000,
            args.Length > 3 ? args[3] : "auditd,auto,none",
            args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5_000);
        break;
    case "storm-shipper":
        await Shipper.Benchmarks.Auditd.ShipperDaemonHost.RunAsync(args[1], args[2] == "stalled");
        break;
    case "replay-loop":
        Shipper.Benchmarks.EventStream.ReplayVersusAusearch.Loop(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10,
            args.Length > 3 && args[3] != "-" ? args[3] : null,
            args.Length > 4 && args[4] == "maps");
        break;
    case "replay-stages":
        Shipper.Benchmarks.EventStream.ReplayVersusAusearch.Stages(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
        break;
    case "pipeline-allocations":
        Shipper.Benchmarks.Pipeline.PipelineAllocationSampler.Run(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3200,
            args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1600);
        break;
    case "es-endpoint":
        await BulkEndpoint.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        break;
}
