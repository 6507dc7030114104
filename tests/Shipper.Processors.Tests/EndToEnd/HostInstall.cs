using System.Diagnostics;
using System.Reflection;
using Shipper.Testing;

namespace Shipper.Processors.Tests.EndToEnd;

/// <summary>
/// A throw-away <c>path.home</c> laid out as a user installs the shipper: the built host, the sample and auditd
/// modules, the console output and this plugin copied into <c>modules/</c>, <c>outputs/</c> and <c>processors/</c>.
/// </summary>
internal sealed class HostInstall : IDisposable
{
    private readonly TempDirectory _home = new();

    public HostInstall()
    {
        Copy(Output("HostOutput"), _home.File("bin"));
        Copy(Output("ProcessorsOutput"), _home.File("processors/standard"));
        Copy(Output("SampleModuleOutput"), _home.File("modules/sample"));
        Copy(Output("AuditdModuleOutput"), _home.File("modules/auditd"));
        Copy(Output("ConsoleOutputOutput"), _home.File("outputs/console"));
    }

    public string Home => _home.Path;

    /// <summary>The repository's conformance logs (<c>tests/conformance</c>).</summary>
    public static string ConformanceRoot => Output("ConformanceRoot");

    /// <summary>Writes <c>config/shipper.yml</c> (mode 0600) and returns its path.</summary>
    public string Config(string yaml) => _home.Write("config/shipper.yml", yaml);

    /// <summary>Runs the host with <paramref name="args"/> and this home, and returns what it printed.</summary>
    public async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(Home, "bin", "shipper"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args.Concat(["--path.home", Home]))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("shipper did not exit within 2 minutes: " + await stderr);
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => _home.Dispose();

    private static string Output(string key) =>
        typeof(HostInstall).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
