using System.Runtime.InteropServices;

namespace Shipper.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        var signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.Increment(ref signals) > 1)
            {
                // A second signal means "now": skip the drain.
                Environment.Exit(ExitCodes.RuntimeFailure);
            }

            stop.Cancel();
        }

        InheritedSignals.RestoreInterrupt();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var app = new ShipperApp(Console.Out, Console.Error, AppContext.BaseDirectory);
        return await app.RunAsync(args, stop.Token);
    }
}
