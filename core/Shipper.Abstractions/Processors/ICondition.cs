using Shipper.Events;

namespace Shipper.Processors;

/// <summary>A compiled <c>when</c> condition (<c>equals</c>, <c>contains</c>, <c>regexp</c>, <c>range</c>, <c>network</c>, <c>has_fields</c>, <c>and</c>, <c>or</c>, <c>not</c>). Thread-safe.</summary>
public interface ICondition
{
    /// <summary>True when <paramref name="event"/> satisfies the condition.</summary>
    bool Matches(Event @event);
}
