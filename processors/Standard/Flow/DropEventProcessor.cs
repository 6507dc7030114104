using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Flow;

/// <summary>Drops the event (the pipeline counts it in <c>libbeat.pipeline.events.filtered</c>). Used with <c>when</c>.</summary>
internal sealed class DropEventProcessor(ProcessorSupport support) : IProcessor
{
    public string Name { get; } = support.Name;

    public Event? Process(Event @event) => null;
}
