using Shipper.Config;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>
/// <c>equals: {field: value, ...}</c>: every field holds exactly the value. Text compares with text (case-sensitive),
/// numbers with numbers of any type, booleans with booleans; a missing field or a value of another type never matches.
/// </summary>
internal sealed class EqualsCondition : ICondition
{
    private readonly Rule[] _rules;

    private EqualsCondition(Rule[] rules) => _rules = rules;

    public static EqualsCondition Create(IConfigSection condition, FieldMap? fields)
    {
        var rules = new List<Rule>();
        foreach (var (key, path, value) in FieldRules.Read(condition, "equals", fields))
        {
            rules.Add(value switch
            {
                string text => new Rule(path, text, 0, null),
                bool flag => new Rule(path, null, 0, flag),
                _ when FieldValues.TryGetNumber(value, out var number) => new Rule(path, null, number, null),
                _ => throw condition.Error(key, $"equals compares with text, a number or true/false, not {FieldValues.Describe(value)}"),
            });
        }

        return new EqualsCondition([.. rules]);
    }

    public bool Matches(Event @event)
    {
        foreach (var rule in _rules)
        {
            if (!rule.Path.TryGet(@event, out var value) || !rule.Matches(value))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Rule(FieldPath Path, string? Text, double Number, bool? Flag)
    {
        public bool Matches(object? value)
        {
            if (Text is not null)
            {
                return value is string s && string.Equals(s, Text, StringComparison.Ordinal);
            }

            if (Flag is { } flag)
            {
                return value is bool b && b == flag;
            }

            return FieldValues.TryGetNumber(value, out var number) && number == Number;
        }
    }
}
