using Shipper.Events;

namespace Shipper.Processors;

/// <summary>
/// One step of a processor chain. Runs synchronously on the publishing thread; must not do I/O on the hot path.
/// Instances may be called from several module threads at once and must be thread-safe.
/// </summary>
public interface IProcessor
{
    /// <summary>A short description for logs, e.g. <c>add_fields={"project":"x"}</c>.</summary>
    string Name { get; }

    /// <summary>Returns the (possibly changed) event, or null to drop it.</summary>
    Event? Process(Event @event);
}
