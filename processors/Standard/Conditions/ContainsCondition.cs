using System.Collections;
using Shipper.Config;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>
/// <c>contains: {field: text, ...}</c>: every field is text containing the given text (case-sensitive), or a list
/// with at least one such element. Fields of other types never match.
/// </summary>
internal sealed class ContainsCondition : ICondition
{
    private readonly (FieldPath Path, string Text)[] _rules;

    private ContainsCondition((FieldPath, string)[] rules) => _rules = rules;

    public static ContainsCondition Create(IConfigSection condition, FieldMap? fields)
    {
        var rules = new List<(FieldPath, string)>();
        foreach (var (key, path, value) in FieldRules.Read(condition, "contains", fields))
        {
            rules.Add((path, value as string ?? throw condition.Error(key, $"contains looks for text, not {FieldValues.Describe(value)}; quote it")));
        }

        return new ContainsCondition([.. rules]);
    }

    public bool Matches(Event @event)
    {
        foreach (var (path, text) in _rules)
        {
            if (!path.TryGet(@event, out var value) || !Contains(value, text))
            {
                return false;
            }
        }

        return true;
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
