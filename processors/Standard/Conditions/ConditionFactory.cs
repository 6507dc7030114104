using Shipper.Config;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>
/// Compiles <c>when</c> blocks (and any other condition block, such as an output's <c>indices</c> rules). A block
/// holds exactly one of equals, contains, regexp, range, network, has_fields, and, or, not; unknown keys, bad
/// patterns, bad CIDR blocks and wrong value types are errors naming the key and line. Conditions are immutable
/// and thread-safe.
/// </summary>
public sealed class ConditionFactory : IConditionFactory
{
    private const string Names = "equals, contains, regexp, range, network, has_fields, and, or, not";

    /// <inheritdoc />
    public ICondition Create(IConfigSection condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (condition.Value is not null || condition.Items.Count > 0 || condition.Keys.Count == 0)
        {
            throw new ConfigException($"a condition is a block with one of: {Names}", condition.Path, condition.Location);
        }

        if (condition.Keys.Count > 1)
        {
            throw condition.Error(condition.Keys[1], $"a condition block holds one condition, found {string.Join(", ", condition.Keys)}; combine several with 'and' or 'or'");
        }

        var options = condition.Bind<ConditionOptions>();
        return condition.Keys[0] switch
        {
            "equals" => EqualsCondition.Create(condition, options.EqualsFields),
            "contains" => ContainsCondition.Create(condition, options.Contains),
            "regexp" => RegexpCondition.Create(condition, options.Regexp),
            "range" => RangeCondition.Create(condition, options.Range),
            "network" => NetworkCondition.Create(condition, options.Network),
            "has_fields" => HasFieldsCondition.Create(condition, options.HasFields),
            "and" => new AndCondition(List(condition, "and")),
            "or" => new OrCondition(List(condition, "or")),
            _ => new NotCondition(Create(options.Not ?? throw condition.Error("not", "'not' takes one condition block, e.g. not: {equals: {user.name: root}}"))),
        };
    }

    private ICondition[] List(IConfigSection condition, string key)
    {
        var items = condition.GetSection(key)?.Items ?? [];
        if (items.Count == 0)
        {
            throw condition.Error(key, $"'{key}' takes a list of at least one condition block");
        }

        return [.. items.Select(Create)];
    }
}
