using Microsoft.Extensions.Logging;
using Shipper.Monitoring;
using Shipper.Outputs;
using Shipper.Pipeline;
using Shipper.Processors;

namespace Shipper.Core.Pipeline;

/// <summary>
/// The publisher pipeline: clients process events on the publishing threads and place them in a bounded
/// queue; a consumer batches them for the output's workers; failed events are retried with backoff; queue
/// slots come back in queue order once the output has settled their events. See docs/pipeline.md.
/// The pipeline does not own the output: dispose it after <see cref="StopAsync"/>.
/// </summary>
public sealed class PublisherPipeline : IAsyncDisposable
{
    /// <summary>How long a stop waits for cancelled workers to return after the drain timeout.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(5);

    private readonly PipelineSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EventQueue _queue;
    private readonly PipelineCounters _counters;
    private readonly BackpressureMonitor _monitor;
    private readonly AckLoop _acks;
    private readonly BatchSender _sender;
    private readonly BatchConsumer _consumer;
    private readonly FieldEnricher _builtIn;
    private readonly Dictionary<IProcessor, RateLimitedLog> _processorLogs = new(ReferenceEqualityComparer.Instance);
    private readonly CancellationTokenSource _work = new();
    private readonly Lock _gate = new();
    private Task? _running;
    private Task<PipelineStopResult>? _stopping;

    /// <summary>Builds the pipeline; nothing runs until <see cref="Start"/>, but clients may queue events before.</summary>
    public PublisherPipeline(PipelineSettings settings, IOutput output, IMetricsRegistry metrics, ILoggerFactory loggers, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(loggers);
        Validate(settings);
        _settings = settings;
        _time = time ?? TimeProvider.System;
        _logger = loggers.CreateLogger("Shipper.Pipeline");
        _queue = new EventQueue(settings.Queue.Events);
        _counters = new PipelineCounters(metrics, () => _queue.Used, _queue.Capacity);
        // Spares: the workers' batches, the one being filled, and room for the ACK loop to lag the consumer by a few
        // batches; with only workers + 2 the consumer sometimes found none spare and made a new batch (~28 KB).
        _acks = new AckLoop(_queue, _counters, spares: Math.Max(1, output.Workers) + 8);
        _monitor = new BackpressureMonitor(_queue.Capacity, settings.BlockedThreshold, _time, () => _queue.Used, () => _acks.OldestDispatch);
        _queue.LevelChanged = _monitor.OnQueueLevel;
        _acks.OldestChanged = _monitor.Evaluate;
        _sender = new BatchSender(output, settings.Backoff, _counters, _monitor, loggers.CreateLogger("Shipper.Pipeline.Output"), _time);
        _consumer = new BatchConsumer(_queue, _acks, _sender, settings.Queue, output.MaxBatchSize, output.Workers, _time, _logger);
        _builtIn = FieldEnricher.BuiltIn(settings.Agent);
    }

    /// <summary>The backpressure signal shared by every client.</summary>
    public IBackpressureSignal Backpressure => _monitor;

    /// <summary>The most events a batch holds: min(flush.min_events, the output's <c>MaxBatchSize</c>).</summary>
    public int BatchSize => _consumer.BatchSize;

    /// <summary>Test hook: told of each scheduled retry with the failed attempt's number (0-based) and the wait.</summary>
    internal Action<int, TimeSpan>? RetryScheduled
    {
        get => _sender.RetryScheduled;
        set => _sender.RetryScheduled = value;
    }

    /// <summary>Creates a client for one module with its own processors, fields, tags and index. Thread-safe.</summary>
    public IPipelineClient Connect(ClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var chain = new ProcessingChain(_settings, settings, _builtIn, _counters.ProcessorErrors, _logger, ErrorLogFor);
        _counters.Clients.Increment();
        return new PipelineClient(chain, _queue, _counters, _monitor);
    }

    /// <summary>Starts the consumer and the output workers. Calling it again does nothing.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping is not null, this);
            _running ??= _consumer.RunAsync(_work.Token);
        }
    }

    /// <summary>
    /// Stops taking events (then <c>Publish</c> throws <see cref="InvalidOperationException"/> and <c>TryPublish</c>
    /// returns false), lets the output drain what is queued for up to <paramref name="drainTimeout"/>, then cancels
    /// the output's in-flight work (<see cref="Timeout.InfiniteTimeSpan"/> waits until everything is settled).
    /// Cancelling <paramref name="cancellationToken"/> ends the drain early.
    /// Calling it again returns the first call's result.
    /// </summary>
    public Task<PipelineStopResult> StopAsync(TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _stopping ??= StopCoreAsync(drainTimeout, cancellationToken);
        }
    }

    /// <summary>Stops without draining if <see cref="StopAsync"/> was not called, and releases timers.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
        _monitor.Dispose();
        if (_running is null || _running.IsCompleted)
        {
            // A worker stuck in an output that ignores cancellation still needs its semaphore.
            _consumer.Dispose();
        }
    }

    private async Task<PipelineStopResult> StopCoreAsync(TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        var deliveredBefore = _sender.Delivered;
        var droppedBefore = _sender.Dropped;
        _queue.Close();
        var running = _running ?? Task.CompletedTask;
        var timedOut = !await DrainAsync(running, drainTimeout, cancellationToken).ConfigureAwait(false);
        if (timedOut)
        {
            await _work.CancelAsync().ConfigureAwait(false);
            await WaitForCancelledWorkAsync(running).ConfigureAwait(false);
        }

        var abandoned = Math.Max(0, _queue.Used - _acks.SettledButHeld());
        var result = new PipelineStopResult(_sender.Delivered - deliveredBefore, _sender.Dropped - droppedBefore, abandoned, timedOut);
        _logger.LogInformation(
            "Pipeline stopped: {Delivered} events delivered and {Dropped} dropped while draining, {Abandoned} abandoned{Reason}",
            result.Delivered, result.Dropped, result.Abandoned, timedOut ? " (drain timeout reached)" : string.Empty);
        return result;
    }

    /// <summary>True when everything queued was settled in time.</summary>
    private async Task<bool> DrainAsync(Task running, TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        if (_running is null)
        {
            return _queue.Used == 0;
        }

        try
        {
            await running.WaitAsync(drainTimeout == Timeout.InfiniteTimeSpan || drainTimeout >= TimeSpan.Zero ? drainTimeout : TimeSpan.Zero, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    private async Task WaitForCancelledWorkAsync(Task running)
    {
        try
        {
            await running.WaitAsync(CancelGrace, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("The output did not return within {Grace}s of being cancelled; abandoning its batch", CancelGrace.TotalSeconds);
        }
#pragma warning disable CA1031 // A worker's own failure was logged where it happened; the stop must still complete.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private RateLimitedLog ErrorLogFor(IProcessor processor)
    {
        lock (_processorLogs)
        {
            if (!_processorLogs.TryGetValue(processor, out var log))
            {
                log = new RateLimitedLog(_time);
                _processorLogs[processor] = log;
            }

            return log;
        }
    }

    private static void Validate(PipelineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings.Agent);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Queue.Events, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.Backoff.Init, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Backoff.Max, settings.Backoff.Init);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.BlockedThreshold, TimeSpan.Zero);
    }
}
