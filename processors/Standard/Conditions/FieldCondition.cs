using Shipper.Config;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>
/// The part every <c>field: value</c> condition (<c>equals</c>, <c>contains</c>, <c>regexp</c>, <c>range</c>,
/// <c>network</c>) shares: its lines are read once into (field, test) pairs, and an event matches when every field
/// is present and passes its test. A missing field never matches. The test is a struct, so checking it is a direct
/// call, not a delegate or an interface dispatch.
/// </summary>
/// <typeparam name="TTest">What a line checks, compiled from its value.</typeparam>
internal sealed class FieldCondition<TTest> : ICondition
    where TTest : struct, IFieldTest
{
    private readonly (FieldPath Field, TTest Test)[] _rules;

    private FieldCondition((FieldPath, TTest)[] rules) => _rules = rules;

    /// <summary>Compiles the <paramref name="name"/> block.</summary>
    /// <param name="condition">The condition's config section, for located errors.</param>
    /// <param name="name">The condition's name, e.g. <c>equals</c>.</param>
    /// <param name="fields">The block's <c>field: value</c> lines (dotted keys already expanded to nested maps).</param>
    /// <param name="compile">
    /// Given a line's key (for errors), path and value, the field to read and its test; throws a located
    /// <see cref="ConfigException"/> for a value the condition cannot use.
    /// </param>
    public static FieldCondition<TTest> Create(
        IConfigSection condition, string name, FieldMap? fields, Func<string, FieldPath, object?, (FieldPath Field, TTest Test)> compile) =>
        new([.. FieldRules.Read(condition, name, fields).Select(rule => compile(rule.Key, rule.Path, rule.Value))]);

    public bool Matches(Event @event)
    {
        foreach (var (field, test) in _rules)
        {
            if (!field.TryGet(@event, out var value) || !test.Holds(value))
            {
                return false;
            }
        }

        return true;
    }
}
