using Microsoft.Extensions.Logging;
using Shipper.Core.Config;
using Shipper.Core.Monitoring;
using Shipper.Core.Pipeline;
using Shipper.Pipeline;

namespace Shipper.Core.Hosting;

/// <summary>
/// One start-to-stop life of the pipeline and output, with monitoring around it: what both <c>run</c> and
/// a contributed command's <see cref="Shipper.Hosting.IEventSourceRunner"/> need.
/// </summary>
public sealed class PipelineRun : IAsyncDisposable
{
    private readonly ShipperRuntime _runtime;
    private readonly OutputInstance _output;
    private readonly PublisherPipeline _pipeline;
    private readonly MonitoringEndpoint? _endpoint;
    private readonly MetricsLogger? _metricsLogger;
    private readonly ILogger _logger;

    private PipelineRun(ShipperRuntime runtime, OutputInstance output, PublisherPipeline pipeline, MonitoringEndpoint? endpoint, MetricsLogger? metricsLogger)
    {
        _runtime = runtime;
        _output = output;
        _pipeline = pipeline;
        _endpoint = endpoint;
        _metricsLogger = metricsLogger;
        _logger = runtime.Loggers.CreateLogger("publisher");
    }

    /// <summary>Creates the output and pipeline, starts them and the monitoring endpoint.</summary>
    public static async Task<PipelineRun> StartAsync(ShipperRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var options = runtime.Config.Options;
        var output = runtime.CreateOutput();
        var settings = new PipelineSettings
        {
            Queue = options.Queue.Mem,
            Backoff = new BackoffSettings { Init = output.Common.Backoff.Init, Max = output.Common.Backoff.Max },
            Agent = runtime.Agent,
            Fields = options.Fields,
            FieldsUnderRoot = options.FieldsUnderRoot,
            Tags = options.Tags,
            GlobalProcessors = runtime.CreateGlobalProcessors(),
        };
        // The process gauges belong in /stats and in the metrics log line alike, with or without http.
        ProcessMetrics.Register(runtime.Metrics);
        var pipeline = new PublisherPipeline(settings, output.Output, runtime.Metrics, runtime.Loggers);
        pipeline.Start();

        MonitoringEndpoint? endpoint = null;
        if (options.Http.Enabled)
        {
            endpoint = new MonitoringEndpoint(options.Http.Host, options.Http.Port, runtime.Agent, runtime.Metrics, runtime.Loggers.CreateLogger("monitoring"));
            await endpoint.StartAsync(cancellationToken);
        }

        MetricsLogger? metricsLogger = null;
        if (options.Logging.Metrics.Enabled)
        {
            metricsLogger = new MetricsLogger(runtime.Loggers.CreateLogger("monitoring"), runtime.Metrics, options.Logging.Metrics.Period);
            metricsLogger.Start();
        }

        var run = new PipelineRun(runtime, output, pipeline, endpoint, metricsLogger);
        run._logger.LogInformation("Publishing to output.{Type}", output.Type);
        return run;
    }

    /// <summary>Connects a client carrying a module block's processors, fields, tags and index.</summary>
    public IPipelineClient Connect(ModuleCommonOptions common, IReadOnlyList<Shipper.Processors.IProcessor> processors)
    {
        ArgumentNullException.ThrowIfNull(common);
        return _pipeline.Connect(new ClientSettings
        {
            Processors = processors,
            Fields = common.Fields,
            FieldsUnderRoot = common.FieldsUnderRoot,
            Tags = common.Tags,
            Index = common.Index,
        });
    }

    /// <summary>
    /// Stops accepting and drains: within <c>shipper.shutdown_timeout</c> when a stop was asked for, or until every
    /// event is delivered (<paramref name="untilDelivered"/>) when the modules finished by themselves; then closes
    /// the output. Cancelling <paramref name="cancellationToken"/> ends the drain early.
    /// </summary>
    /// <returns>True when every queued event was delivered.</returns>
    public async Task<bool> StopAsync(bool untilDelivered, CancellationToken cancellationToken)
    {
        var configured = _runtime.Config.Options.Shipper.ShutdownTimeout;
        var result = await _pipeline.StopAsync(untilDelivered ? Timeout.InfiniteTimeSpan : configured, cancellationToken);
        if (result.Abandoned > 0)
        {
            var why = untilDelivered ? "the wait for delivery was interrupted" : "shipper.shutdown_timeout is " + GoDuration.Format(configured);
            _logger.LogWarning("Stopped with {Count} events not delivered ({Reason})", result.Abandoned, why);
        }

        return result.Abandoned == 0;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _output.Output.DisposeAsync();
        if (_metricsLogger is not null)
        {
            await _metricsLogger.DisposeAsync();
        }

        if (_endpoint is not null)
        {
            await _endpoint.DisposeAsync();
        }
    }
}
