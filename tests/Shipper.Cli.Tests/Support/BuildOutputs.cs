using System.Reflection;

namespace Shipper.Cli.Tests.Support;

/// <summary>Where the build put things this test assembly needs (baked in at build time).</summary>
internal static class BuildOutputs
{
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string SampleModule => Metadata("SampleModuleOutput");

    public static string ConsoleOutput => Metadata("ConsoleOutputOutput");

    /// <summary>The release layout made by ./build.sh; the end-to-end tests need it and say so.</summary>
    public static string Dist
    {
        get
        {
            var dist = Path.Combine(RepositoryRoot, "dist");
            if (!File.Exists(Path.Combine(dist, "shipper")))
            {
                throw new InvalidOperationException($"{dist}/shipper is missing: run ./build.sh before the tests (./test.sh does)");
            }

            return dist;
        }
    }

    private static string Metadata(string key) =>
        typeof(BuildOutputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
