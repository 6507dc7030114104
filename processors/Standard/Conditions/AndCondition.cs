using Shipper.Events;

namespace Shipper.Processors.Standard.Conditions;

/// <summary><c>and: [...]</c>: every condition matches (checked in order, stopping at the first that does not).</summary>
internal sealed class AndCondition(ICondition[] conditions) : ICondition
{
    public bool Matches(Event @event)
    {
        foreach (var condition in conditions)
        {
            if (!condition.Matches(@event))
            {
                return false;
            }
        }

        return true;
    }
}
