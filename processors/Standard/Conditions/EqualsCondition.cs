using Shipper.Config;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>
/// <c>equals: {field: value, ...}</c>: every field holds exactly the value. Text compares with text (case-sensitive),
/// numbers with numbers of any type, booleans with booleans; a missing field or a value of another type never matches.
/// </summary>
internal static class EqualsCondition
{
    public static ICondition Create(IConfigSection condition, FieldMap? fields) =>
        FieldCondition<EqualsTest>.Create(condition, "equals", fields, (key, path, value) => (path, value switch
        {
            string text => new EqualsTest(text, 0, null),
            bool flag => new EqualsTest(null, 0, flag),
            _ when FieldValues.TryGetNumber(value, out var number) => new EqualsTest(null, number, null),
            _ => throw condition.Error(key, $"equals compares with text, a number or true/false, not {FieldValues.Describe(value)}"),
        }));

    private readonly record struct EqualsTest(string? Text, double Number, bool? Flag) : IFieldTest
    {
        public bool Holds(object? value)
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
