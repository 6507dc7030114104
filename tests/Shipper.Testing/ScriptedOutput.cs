using System.Collections.Concurrent;
using Shipper.Events;
using Shipper.Outputs;

namespace Shipper.Testing;

/// <summary>
/// An output whose per-event outcomes a test decides: <see cref="OutcomeFor"/> gets the event and how many
/// times it was sent before; <see cref="ThrowOnCall"/> makes a whole call fail. Records every call.
/// </summary>
public sealed class ScriptedOutput : IOutput
{
    private readonly ConcurrentDictionary<Event, int> _sendCounts = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentQueue<IReadOnlyList<Event>> _calls = new();
    private readonly ConcurrentQueue<Event> _delivered = new();
    private readonly ConcurrentQueue<Event> _dropped = new();
    private int _callCount;

    public Func<Event, int, EventOutcome> OutcomeFor { get; set; } = static (_, _) => EventOutcome.Acknowledged;

    /// <summary>Given the 0-based call number; true makes that call throw.</summary>
    public Func<int, bool> ThrowOnCall { get; set; } = static _ => false;

    public int Workers { get; init; } = 1;

    public int MaxBatchSize { get; init; }

    public int MaxRetries { get; init; } = -1;

    public IReadOnlyList<IReadOnlyList<Event>> Calls => [.. _calls];

    /// <summary>Events acknowledged or reported duplicate, in the order that happened.</summary>
    public IReadOnlyList<Event> Delivered => [.. _delivered];

    public IReadOnlyList<Event> Dropped => [.. _dropped];

    public int CallCount => Volatile.Read(ref _callCount);

    public int TimesSent(Event @event) => _sendCounts.GetValueOrDefault(@event);

    public ValueTask SendAsync(OutputBatch batch, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _callCount) - 1;
        _calls.Enqueue([.. batch.Events]);
        var previous = batch.Events.Select(e => _sendCounts.AddOrUpdate(e, 1, (_, n) => n + 1) - 1).ToArray();
        if (ThrowOnCall(call))
        {
            throw new IOException($"scripted failure of call {call}");
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var outcome = OutcomeFor(batch[i], previous[i]);
            switch (outcome)
            {
                case EventOutcome.Acknowledged: batch.Acknowledge(i); _delivered.Enqueue(batch[i]); break;
                case EventOutcome.Duplicate: batch.Duplicate(i); _delivered.Enqueue(batch[i]); break;
                case EventOutcome.Retry: batch.Retry(i, "scripted retry"); break;
                case EventOutcome.TooMany: batch.TooMany(i, "scripted 429"); break;
                case EventOutcome.Dropped: batch.Drop(i, "scripted mapping error"); _dropped.Enqueue(batch[i]); break;
                default: break;
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> TestAsync(TextWriter report, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
