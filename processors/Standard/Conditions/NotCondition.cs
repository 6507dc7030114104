using Shipper.Events;

namespace Shipper.Processors.Standard.Conditions;

/// <summary><c>not: {...}</c>: the condition does not match.</summary>
internal sealed class NotCondition(ICondition inner) : ICondition
{
    public bool Matches(Event @event) => !inner.Matches(@event);
}
