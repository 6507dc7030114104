using Microsoft.Extensions.Logging;

namespace Shipper.Core.Hosting;

/// <summary>
/// <c>shipper run</c>: starts the output and pipeline, runs every enabled module until a stop is asked for
/// (or every module has finished by itself), then drains and stops in order. Modules stop first, so nothing
/// is published into a closing pipeline. When every module finished by itself, everything queued is delivered
/// before the shipper exits; after SIGINT/SIGTERM, <c>shipper.shutdown_timeout</c> bounds that wait.
/// </summary>
public sealed class ShipperService(ShipperRuntime runtime)
{
    private static readonly TimeSpan ModuleStopGrace = TimeSpan.FromSeconds(10);
    private readonly ILogger _logger = runtime.Loggers.CreateLogger("shipper");

    /// <summary>Runs until <paramref name="stop"/> fires. Returns 0 on a clean stop, 1 when a module failed.</summary>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        var modules = runtime.CreateModules();
        if (modules.Count == 0)
        {
            _logger.LogWarning("No module is enabled in shipper.modules; nothing to do");
        }

        await using var run = await PipelineRun.StartAsync(runtime, stop);
        using var modulesStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var tasks = modules.Select(m => RunModuleAsync(m, run, modulesStop.Token)).ToList();
        _logger.LogInformation("Shipper {Version} started with {Count} module(s): {Modules}", runtime.Agent.Version, modules.Count, string.Join(", ", modules.Select(m => m.Common.Module)));

        var failed = false;
        var pending = tasks.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            if (!await done)
            {
                failed = true;
                break;
            }
        }

        // Modules that ended on their own (a one-shot module) leave the queue to be delivered in full; a signal
        // still ends that wait. After a stop was asked for, shipper.shutdown_timeout bounds it.
        var finishedByThemselves = !failed && !stop.IsCancellationRequested;
        await modulesStop.CancelAsync();
        await Task.WhenAny(Task.WhenAll(tasks), Task.Delay(ModuleStopGrace, CancellationToken.None));
        foreach (var module in modules)
        {
            await module.Module.DisposeAsync();
        }

        var delivered = await run.StopAsync(finishedByThemselves, finishedByThemselves ? stop : CancellationToken.None);
        _logger.LogInformation("Shipper stopped{Detail}", delivered ? string.Empty : " with undelivered events");
        return failed ? 1 : 0;
    }

    private async Task<bool> RunModuleAsync(ModuleInstance module, PipelineRun run, CancellationToken cancellationToken)
    {
        try
        {
            await module.Module.RunAsync(run.Connect(module.Common, module.Processors), cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return true;
        }
#pragma warning disable CA1031 // A failing module must stop the shipper with its reason, whatever it threw.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogError(e, "Module {Module} failed: {Reason}", module.Common.Module, e.Message);
            return false;
        }
    }
}
