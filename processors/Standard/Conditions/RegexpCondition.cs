using System.Collections;
using System.Text.RegularExpressions;
using Shipper.Config;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>
/// <c>regexp: {field: pattern, ...}</c>: every field is text in which the pattern matches somewhere (anchor it with
/// <c>^…$</c> for a whole match), or a list with such an element. Patterns run with .NET's non-backtracking engine:
/// linear time whatever the input, like Go's RE2 that Beats uses, and likewise without backreferences or lookarounds.
/// </summary>
internal sealed class RegexpCondition : ICondition
{
    private readonly (FieldPath Path, Regex Pattern)[] _rules;

    private RegexpCondition((FieldPath, Regex)[] rules) => _rules = rules;

    public static RegexpCondition Create(IConfigSection condition, FieldMap? fields)
    {
        var rules = new List<(FieldPath, Regex)>();
        foreach (var (key, path, value) in FieldRules.Read(condition, "regexp", fields))
        {
            var pattern = value as string ?? FieldValues.ToText(value);
            rules.Add((path, Compile(condition, key, pattern)));
        }

        return new RegexpCondition([.. rules]);
    }

    /// <summary>Compiles a pattern or throws a located error saying what is wrong with it.</summary>
    public static Regex Compile(IConfigSection at, string key, string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (ArgumentException e)
        {
            throw at.Error(key, $"invalid regular expression '{pattern}': {e.Message}");
        }
        catch (NotSupportedException e)
        {
            throw at.Error(key, $"regular expression '{pattern}' uses a construct that is not supported (backreferences, lookarounds and atomic groups are not): {e.Message}");
        }
    }

    public bool Matches(Event @event)
    {
        foreach (var (path, pattern) in _rules)
        {
            if (!path.TryGet(@event, out var value) || !IsMatch(value, pattern))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMatch(object? value, Regex pattern)
    {
        if (value is string s)
        {
            return pattern.IsMatch(s);
        }

        if (value is IList list)
        {
            foreach (var item in list)
            {
                if (item is string text && pattern.IsMatch(text))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
