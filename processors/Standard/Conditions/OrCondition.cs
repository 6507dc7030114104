using Shipper.Events;

namespace Shipper.Processors.Standard.Conditions;

/// <summary><c>or: [...]</c>: at least one condition matches (checked in order, stopping at the first that does).</summary>
internal sealed class OrCondition(ICondition[] conditions) : ICondition
{
    public bool Matches(Event @event)
    {
        foreach (var condition in conditions)
        {
            if (condition.Matches(@event))
            {
                return true;
            }
        }

        return false;
    }
}
