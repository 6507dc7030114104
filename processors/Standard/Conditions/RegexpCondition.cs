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
internal static class RegexpCondition
{
    public static ICondition Create(IConfigSection condition, FieldMap? fields) =>
        FieldCondition<RegexpTest>.Create(condition, "regexp", fields, (key, path, value) =>
            (path, new RegexpTest(Compile(condition, key, value as string ?? FieldValues.ToText(value)))));

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

    private readonly record struct RegexpTest(Regex Pattern) : IFieldTest
    {
        public bool Holds(object? value) => IsMatch(value, Pattern);
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
