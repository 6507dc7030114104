using Shipper.Outputs;

namespace Shipper.Benchmarks.Pipeline;

/// <summary>An output that acknowledges every batch at once and signals when it has seen a target count.</summary>
internal sealed class NullOutput(int workers) : IOutput
{
    private long _acknowledged;
    private long _target = long.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Workers => workers;

    /// <summary>Resets the count; the returned task completes when <paramref name="target"/> events were acknowledged.</summary>
    public Task Expect(long target)
    {
        Interlocked.Exchange(ref _acknowledged, 0);
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _target, target);
        return _reached.Task;
    }

    public ValueTask SendAsync(OutputBatch batch, CancellationToken cancellationToken)
    {
        batch.AcknowledgeAll();
        if (Interlocked.Add(ref _acknowledged, batch.Count) >= Volatile.Read(ref _target))
        {
            _reached.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> TestAsync(TextWriter report, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
