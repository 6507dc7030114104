namespace Shipper.Cli.Tests.Support;

/// <summary>Runs the <c>shipper</c> command in-process and captures what it printed.</summary>
internal sealed record AppRun(int ExitCode, string Out, string Error)
{
    public static async Task<AppRun> Of(string home, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var app = new ShipperApp(stdout, stderr, Path.Combine(home, "bin"));
        var code = await app.RunAsync([.. args, "--path.home", home], timeout.Token);
        return new AppRun(code, stdout.ToString(), stderr.ToString());
    }
}
