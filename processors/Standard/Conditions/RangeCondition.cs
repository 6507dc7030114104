using Shipper.Config;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>
/// <c>range: {field.gte: 400, field.lt: 500, ...}</c>: every bound holds. The field must be a number, or text that
/// reads as one; anything else (or a missing field) does not match.
/// </summary>
internal sealed class RangeCondition : ICondition
{
    private readonly Bound[] _bounds;

    private RangeCondition(Bound[] bounds) => _bounds = bounds;

    public static RangeCondition Create(IConfigSection condition, FieldMap? fields)
    {
        var bounds = new List<Bound>();
        foreach (var (key, path, value) in FieldRules.Read(condition, "range", fields))
        {
            var op = path.Leaf switch
            {
                "lt" => Operator.Lt,
                "lte" => Operator.Lte,
                "gt" => Operator.Gt,
                "gte" => Operator.Gte,
                _ => throw condition.Error(key, $"range keys end in .lt, .lte, .gt or .gte (e.g. http.response.status_code.gte), got '{path.Text}'"),
            };
            var field = FieldPath.TryParse(path.Text[..path.Text.LastIndexOf('.')])
                ?? throw condition.Error(key, $"'{path.Text}' names no field before .{path.Leaf}");
            if (!FieldValues.TryGetNumber(value, out var limit))
            {
                throw condition.Error(key, $"range bounds are numbers, not {FieldValues.Describe(value)}");
            }

            bounds.Add(new Bound(field, op, limit));
        }

        return new RangeCondition([.. bounds]);
    }

    public bool Matches(Event @event)
    {
        foreach (var bound in _bounds)
        {
            if (!bound.Field.TryGet(@event, out var value) || !FieldValues.TryGetNumberOrNumericText(value, out var number) || !bound.Holds(number))
            {
                return false;
            }
        }

        return true;
    }

    private enum Operator
    {
        Lt,
        Lte,
        Gt,
        Gte,
    }

    private readonly record struct Bound(FieldPath Field, Operator Op, double Limit)
    {
        public bool Holds(double value) => Op switch
        {
            Operator.Lt => value < Limit,
            Operator.Lte => value <= Limit,
            Operator.Gt => value > Limit,
            _ => value >= Limit,
        };
    }
}
