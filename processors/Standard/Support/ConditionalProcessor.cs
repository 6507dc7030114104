using Shipper.Events;

namespace Shipper.Processors.Standard.Support;

/// <summary>A processor with a <c>when</c> condition: events that do not match pass by untouched.</summary>
internal sealed class ConditionalProcessor(IProcessor inner, ICondition condition) : IProcessor
{
    public string Name => inner.Name;

    public Event? Process(Event @event) => condition.Matches(@event) ? inner.Process(@event) : @event;
}
