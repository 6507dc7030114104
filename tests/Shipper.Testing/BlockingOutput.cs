using System.Collections.Concurrent;
using Shipper.Events;
using Shipper.Outputs;

namespace Shipper.Testing;

/// <summary>
/// An output that holds every batch until the test releases it (one batch or all), then acknowledges it.
/// Honours cancellation, so a stop can abandon what it holds.
/// </summary>
public sealed class BlockingOutput : IOutput
{
    private readonly SemaphoreSlim _permits = new(0);
    private readonly ConcurrentQueue<Event> _delivered = new();
    private int _held;
    private int _calls;
    private volatile bool _open;

    public int Workers { get; init; } = 1;

    public int MaxBatchSize { get; init; }

    /// <summary>Events inside <see cref="SendAsync"/> right now.</summary>
    public int Held => Volatile.Read(ref _held);

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<Event> Delivered => [.. _delivered];

    /// <summary>Lets one waiting (or the next) batch through.</summary>
    public void ReleaseOne() => _permits.Release();

    /// <summary>Lets every batch through from now on.</summary>
    public void ReleaseAll()
    {
        _open = true;
        _permits.Release(1000);
    }

    public async ValueTask SendAsync(OutputBatch batch, CancellationToken cancellationToken)
    {
        // Held before Calls: a test that saw the call counted must also see its events held.
        Interlocked.Add(ref _held, batch.Count);
        Interlocked.Increment(ref _calls);
        try
        {
            if (!_open)
            {
                await _permits.WaitAsync(cancellationToken);
            }

            foreach (var e in batch.Events)
            {
                _delivered.Enqueue(e);
            }

            batch.AcknowledgeAll();
        }
        finally
        {
            Interlocked.Add(ref _held, -batch.Count);
        }
    }

    public ValueTask<bool> TestAsync(TextWriter report, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask DisposeAsync()
    {
        _permits.Dispose();
        return ValueTask.CompletedTask;
    }
}
