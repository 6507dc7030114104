using System.Collections.Concurrent;
using Shipper.Events;
using Shipper.Outputs;

namespace Shipper.Testing;

/// <summary>An output that acknowledges everything and keeps what it received, in order.</summary>
public sealed class CollectingOutput : IOutput
{
    private readonly ConcurrentQueue<Event> _events = new();
    private readonly ConcurrentQueue<int> _batchSizes = new();

    public int Workers { get; init; } = 1;

    public int MaxBatchSize { get; init; }

    public IReadOnlyList<Event> Events => [.. _events];

    public IReadOnlyList<int> BatchSizes => [.. _batchSizes];

    public int Count => _events.Count;

    public ValueTask SendAsync(OutputBatch batch, CancellationToken cancellationToken)
    {
        _batchSizes.Enqueue(batch.Count);
        foreach (var e in batch.Events)
        {
            _events.Enqueue(e);
        }

        batch.AcknowledgeAll();
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> TestAsync(TextWriter report, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
