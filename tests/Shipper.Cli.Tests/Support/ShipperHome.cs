using Shipper.Testing;

namespace Shipper.Cli.Tests.Support;

/// <summary>A throw-away <c>path.home</c> with chosen plugins copied into their folders, as a user installs them.</summary>
internal sealed class ShipperHome : IDisposable
{
    private readonly TempDirectory _directory = new();

    public string Path => _directory.Path;

    public ShipperHome WithPlugin(string kindFolder, string name, string buildOutput)
    {
        Copy(buildOutput, System.IO.Path.Combine(Path, kindFolder, name));
        return this;
    }

    public ShipperHome WithSampleModule() => WithPlugin("modules", "sample", BuildOutputs.SampleModule);

    public ShipperHome WithConsoleOutput() => WithPlugin("outputs", "console", BuildOutputs.ConsoleOutput);

    /// <summary>Writes a config file (mode 0600) and returns its path.</summary>
    public string Config(string yaml, string name = "shipper.yml") => _directory.Write(System.IO.Path.Combine("config", name), yaml);

    public void Dispose() => _directory.Dispose();

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
