using Shipper.Core.Options;
using Shipper.Events;
using Shipper.Hosting;
using Shipper.Processors;

namespace Shipper.Core.Pipeline;

/// <summary>Everything the publisher pipeline is built from, in plain values (no configuration types).</summary>
public sealed class PipelineSettings
{
    /// <summary><c>queue.mem.*</c>: size of the queue and batching. Defaults 3200 events, batches of 1600, 10s flush.</summary>
    public MemoryQueueOptions Queue { get; set; } = new();

    /// <summary>The output's <c>backoff.*</c>. Defaults 1s and 60s.</summary>
    public BackoffSettings Backoff { get; set; } = new();

    /// <summary>Who is shipping: the values of <c>agent.*</c> and <c>host.name</c> added to every event.</summary>
    public required AgentInfo Agent { get; set; }

    /// <summary>Global <c>fields</c>. Default none.</summary>
    public FieldMap? Fields { get; set; }

    /// <summary>Global <c>fields_under_root</c>. Default false.</summary>
    public bool FieldsUnderRoot { get; set; }

    /// <summary>Global <c>tags</c>. Default none.</summary>
    public IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>Global <c>processors</c>, run last, after the built-in fields. Default none.</summary>
    public IReadOnlyList<IProcessor> GlobalProcessors { get; set; } = [];

    /// <summary>
    /// How long the output may hold its oldest batch without settling it before the backpressure signal reports
    /// <see cref="Shipper.Pipeline.BackpressureState.OutputBlocked"/>. Default 1s: well above a healthy bulk
    /// request's round trip, well below the kernel's audit backlog wait.
    /// </summary>
    public TimeSpan BlockedThreshold { get; set; } = TimeSpan.FromSeconds(1);
}
