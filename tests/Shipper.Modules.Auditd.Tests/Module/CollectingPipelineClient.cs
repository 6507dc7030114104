using System.Collections.Concurrent;
using Shipper.Events;
using Shipper.Pipeline;

namespace Shipper.Modules.Auditd.Tests.Module;

/// <summary>A pipeline client that keeps what is published; <see cref="Full"/> makes it refuse and block like a full queue.</summary>
internal sealed class CollectingPipelineClient : IPipelineClient, IBackpressureSignal
{
    public ConcurrentQueue<Event> Events { get; } = new();

    public bool Full { get; set; }

    public IBackpressureSignal Backpressure => this;

    public BackpressureState Current => new(Events.Count, 100, false, false, Full, 0);

    public event EventHandler<BackpressureState>? Changed
    {
        add { }
        remove { }
    }

    public void Publish(Event @event, CancellationToken cancellationToken)
    {
        while (Full)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Thread.Sleep(5);
        }

        Events.Enqueue(@event);
    }

    public ValueTask PublishAsync(Event @event, CancellationToken cancellationToken)
    {
        Publish(@event, cancellationToken);
        return ValueTask.CompletedTask;
    }

    public bool TryPublish(Event @event)
    {
        if (Full)
        {
            return false;
        }

        Events.Enqueue(@event);
        return true;
    }

    /// <summary>Waits for an event with rule key <paramref name="tag"/> that matches <paramref name="match"/> and returns it.</summary>
    public Event WaitForTagged(string tag, Func<Event, bool> match, TimeSpan timeout)
    {
        bool Matches(Event e) => e.Fields.GetValueOrDefault("tags") is List<object?> tags && tags.Contains(tag) && match(e);
        WaitFor(events => events.Any(Matches), timeout);
        return Events.First(Matches);
    }

    public void WaitFor(Func<IReadOnlyCollection<Event>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Events))
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out; {Events.Count} published, the last: " + string.Join(" | ", Events.TakeLast(2).Select(e => e.ToString())));
            Thread.Sleep(10);
        }
    }
}
