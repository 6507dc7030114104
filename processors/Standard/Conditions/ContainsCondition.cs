using System.Collections;
using Shipper.Config;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>
/// <c>contains: {field: text, ...}</c>: every field is text containing the given text (case-sensitive), or a list
/// with at least one such element. Fields of other types never match.
/// </summary>
internal static class ContainsCondition
{
    public static ICondition Create(IConfigSection condition, FieldMap? fields) =>
        FieldCondition<ContainsTest>.Create(condition, "contains", fields, (key, path, value) =>
            (path, new ContainsTest(value as string ?? throw condition.Error(key, $"contains looks for text, not {FieldValues.Describe(value)}; quote it"))));

    private readonly record struct ContainsTest(string Text) : IFieldTest
    {
        public bool Holds(object? value) => Contains(value, Text);
    }
    private static bool Contains(object? value, string text)
    {
        switch (value)
        {
            case string s:
                return s.Contains(text, StringComparison.Ordinal);
            case List<string> strings:
                foreach (var s in strings)
                {
                    if (s.Contains(text, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            case IList list:
                foreach (var item in list)
                {
                    if (item is string s && s.Contains(text, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
