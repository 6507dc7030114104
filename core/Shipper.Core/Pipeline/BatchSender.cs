using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Shipper.Outputs;

namespace Shipper.Core.Pipeline;

/// <summary>
/// Delivers one batch: sends it, settles what the output settled, and resends only the rest after a backoff,
/// for as long as it takes (events are never given up for being slow, only when the output drops them or the
/// pipeline stops), unless the output sets <see cref="IOutput.MaxRetries"/>: then an event still undelivered
/// after that many retries is dropped, counted and logged with the last reason. Every unsettled event of a batch
/// is in every attempt, so the batch's attempt count is each remaining event's. The retry loop is a Polly retry
/// strategy; a new batch starts the backoff afresh.
/// </summary>
internal sealed class BatchSender
{
    private static readonly ResiliencePropertyKey<InFlightBatch> BatchKey = new("shipper.batch");
    private readonly IOutput _output;
    private readonly PipelineCounters _counters;
    private readonly BackpressureMonitor _monitor;
    private readonly ILogger _logger;
    private readonly RateLimitedLog _dropLog;
    private readonly RateLimitedLog _retryLog;
    private readonly RateLimitedLog _giveUpLog;
    private readonly int _maxRetries;
    private readonly ResiliencePipeline<int> _retry;
    private long _delivered;
    private long _dropped;

    public BatchSender(IOutput output, BackoffSettings backoff, PipelineCounters counters, BackpressureMonitor monitor, ILogger logger, TimeProvider time)
    {
        _output = output;
        _counters = counters;
        _monitor = monitor;
        _logger = logger;
        _dropLog = new RateLimitedLog(time);
        _retryLog = new RateLimitedLog(time);
        _giveUpLog = new RateLimitedLog(time);
        _maxRetries = output.MaxRetries;
        _retry = new ResiliencePipelineBuilder<int> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<int>
            {
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    EqualJitterBackoff.Delay(args.AttemptNumber, backoff.Init, backoff.Max, Random.Shared.NextDouble())),
                OnRetry = OnRetry,
            })
            .Build();
    }

    /// <summary>Test hook: told of each scheduled retry with the failed attempt's number (0-based) and the wait.</summary>
    internal Action<int, TimeSpan>? RetryScheduled { get; set; }

    /// <summary>Events acknowledged or reported duplicate since start.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Events the output dropped for good since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Returns when every event is settled; throws <see cref="OperationCanceledException"/> when stopped first.</summary>
    public async ValueTask SendAsync(InFlightBatch batch, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(BatchKey, batch);
        try
        {
            await _retry.ExecuteAsync(static (ctx, state) => state.Sender.AttemptAsync(state.Batch, ctx.CancellationToken), context, (Sender: this, Batch: batch))
                .ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            if (batch.Retrying)
            {
                batch.Retrying = false;
                _monitor.RetryEnded();
            }
        }
    }

    private static bool ShouldRetry(Outcome<int> outcome, ResilienceContext context) => outcome.Exception switch
    {
        OperationCanceledException when context.CancellationToken.IsCancellationRequested => false,
        not null => true,
        null => outcome.Result > 0,
    };

    private async ValueTask<int> AttemptAsync(InFlightBatch batch, CancellationToken cancellationToken)
    {
        var sent = batch.NextAttempt();
        if (batch.Attempts > 1)
        {
            _counters.Retry.Add(sent.Count);
        }

        _counters.OutputBatches.Increment();
        _counters.OutputTotal.Add(sent.Count);
        _counters.AddOutputActive(sent.Count);
        try
        {
            await _output.SendAsync(sent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The whole attempt failed: every event in it stays unsettled and is retried.
            _counters.OutputFailed.Add(sent.Count);
            _monitor.AttemptCompleted(failed: true);
            if (!OutOfRetries(batch))
            {
                throw;
            }

            GiveUp(batch, sent, ex.Message);
            return 0;
        }
        finally
        {
            _counters.AddOutputActive(-sent.Count);
        }

        var retryable = Settle(batch, sent);
        _monitor.AttemptCompleted(failed: retryable > 0);
        if (retryable > 0 && OutOfRetries(batch))
        {
            GiveUp(batch, sent, null);
            return 0;
        }

        return retryable;
    }

    private bool OutOfRetries(InFlightBatch batch) => _maxRetries >= 0 && batch.Attempts > _maxRetries;

    /// <summary>Drops every event of the last attempt that is still unsettled: its retries are used up.</summary>
    private void GiveUp(InFlightBatch batch, OutputBatch sent, string? failure)
    {
        var dropped = 0;
        string? reason = failure;
        for (var i = 0; i < sent.Count; i++)
        {
            if (failure is null && sent.OutcomeOf(i) is EventOutcome.Acknowledged or EventOutcome.Duplicate or EventOutcome.Dropped)
            {
                continue;
            }

            reason ??= sent.ReasonOf(i);
            batch.Settle(i);
            dropped++;
        }

        _counters.OutputDropped.Add(dropped);
        Interlocked.Add(ref _dropped, dropped);
        var detail = $"{dropped} event(s) not delivered after {batch.Attempts} attempts (max_retries: {_maxRetries}); last failure: {reason ?? "no reason given"}";
        _giveUpLog.Warn(_logger, null, "Output gave up on events and dropped them", detail);
    }

    private int Settle(InFlightBatch batch, OutputBatch sent)
    {
        int acked = 0, duplicates = 0, dropped = 0, tooMany = 0, failed = 0;
        for (var i = 0; i < sent.Count; i++)
        {
            switch (sent.OutcomeOf(i))
            {
                case EventOutcome.Acknowledged: acked++; batch.Settle(i); break;
                case EventOutcome.Duplicate: duplicates++; batch.Settle(i); break;
                case EventOutcome.Dropped:
                    dropped++;
                    batch.Settle(i);
                    _dropLog.Warn(_logger, null, "Output dropped an event for good", sent.ReasonOf(i) ?? "no reason given");
                    break;
                case EventOutcome.TooMany: tooMany++; break;
                default: failed++; break;
            }
        }

        _counters.OutputAcked.Add(acked);
        _counters.OutputDuplicates.Add(duplicates);
        _counters.OutputDropped.Add(dropped);
        _counters.OutputTooMany.Add(tooMany);
        _counters.OutputFailed.Add(failed);
        Interlocked.Add(ref _delivered, acked + duplicates);
        Interlocked.Add(ref _dropped, dropped);
        return tooMany + failed;
    }

    private ValueTask OnRetry(OnRetryArguments<int> args)
    {
        var batch = args.Context.Properties.GetValue(BatchKey, null!);
        if (!batch.Retrying)
        {
            batch.Retrying = true;
            _monitor.RetryStarted();
        }

        RetryScheduled?.Invoke(args.AttemptNumber, args.RetryDelay);
        var detail = $"{batch.Remaining} of {batch.Count} events, attempt {args.AttemptNumber + 1}, next try in {args.RetryDelay.TotalMilliseconds:0}ms";
        _retryLog.Warn(_logger, args.Outcome.Exception, "Output did not deliver every event, retrying", detail);
        return default;
    }
}
