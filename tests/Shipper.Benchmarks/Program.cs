using System.Globalization;
using BenchmarkDotNet.Running;
using Shipper.Benchmarks.Elasticsearch;

// Besides the BenchmarkDotNet benchmarks, two modes for the Elasticsearch end-to-end harness:
//   es-e2e [events]      ships events through the pipeline into a local bulk endpoint (docs/benchmarks.md)
//   es-endpoint PORT     that endpoint, started by es-e2e in its own process
switch (args.FirstOrDefault())
{
    case "es-e2e":
        await EndToEndHarness.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000);
        break;
    case "es-endpoint":
        await BulkEndpoint.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        break;
}
