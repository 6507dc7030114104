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

        var delivered = await run.StopAsync(CancellationToken.None);
        if (!delivered)
        {
            host.Loggers.CreateLogger("shipper").LogWarning("Not every event was delivered before the shutdown timeout");
        }

        return ok && delivered ? 0 : 1;
    }
}
