using Microsoft.Extensions.Logging;
using Shipper.Hosting;
using Shipper.Pipeline;

namespace Shipper.Core.Hosting;

/// <summary>Runs the configured pipeline with a command's own event source (<c>shipper replay</c>).</summary>
public sealed class EventSourceRunner(Func<ShipperRuntime> runtime) : IEventSourceRunner
{
    /// <inheritdoc />
    public async Task<int> RunAsync(string moduleType, Func<IPipelineClient, CancellationToken, Task> source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var host = runtime();
        var (common, processors) = host.ModuleSettings(moduleType);
        await using var run = await PipelineRun.StartAsync(host, cancellationToken);
        var ok = true;
        try
        {
            await source(run.Connect(common, processors), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ok = false;
        }

        // A source that ran to its end is delivered in full (a signal still ends the wait); an interrupted one
        // gets shipper.shutdown_timeout.
        var delivered = await run.StopAsync(untilDelivered: ok, ok ? cancellationToken : CancellationToken.None);
        if (!delivered)
        {
            host.Loggers.CreateLogger("shipper").LogWarning("Not every event was delivered before the shipper stopped");
        }

        return ok && delivered ? 0 : 1;
    }
}
