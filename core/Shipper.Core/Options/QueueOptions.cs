using Shipper.Config;

namespace Shipper.Core.Options;

/// <summary><c>queue.*</c>: only the memory queue exists.</summary>
public sealed class QueueOptions
{
    /// <summary><c>queue.mem.*</c>.</summary>
    public MemoryQueueOptions Mem { get; set; } = new();
}

/// <summary><c>queue.mem.*</c>, with Beats' defaults.</summary>
public sealed class MemoryQueueOptions : IValidatable
{
    /// <summary><c>queue.mem.events</c>: how many events the queue holds. Default 3200, at least 32.</summary>
    public int Events { get; set; } = 3200;

    /// <summary><c>queue.mem.flush.*</c>.</summary>
    public FlushOptions Flush { get; set; } = new();

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        errors.InRange("events", Events, 32, 10_000_000);
        // A batch never exceeds the queue, so a min_events above events just means "a full queue" (the
        // default 1600 must not make a small queue.mem.events an error).
        errors.InRange("flush.min_events", Flush.MinEvents, 0, int.MaxValue);
        if (Flush.Timeout < TimeSpan.Zero)
        {
            errors.Add("flush.timeout", "must not be negative");
        }
    }
}

/// <summary><c>queue.mem.flush.*</c>.</summary>
public sealed class FlushOptions
{
    /// <summary><c>queue.mem.flush.min_events</c>: the batch size the queue waits for, at most <c>events</c>. Default 1600; 0 or 1 sends at once.</summary>
    public int MinEvents { get; set; } = 1600;

    /// <summary><c>queue.mem.flush.timeout</c>: the longest wait for a full batch. Default 10s; 0 sends at once.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
