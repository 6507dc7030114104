using Shipper.Config;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>
/// <c>range: {field.gte: 400, field.lt: 500, ...}</c>: every bound holds. The field must be a number, or text that
/// reads as one; anything else (or a missing field) does not match.
/// </summary>
internal static class RangeCondition
{
    public static ICondition Create(IConfigSection condition, FieldMap? fields) =>
        FieldCondition<Bound>.Create(condition, "range", fields, (key, path, value) =>
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

            return (field, new Bound(op, limit));
        });

    private enum Operator
    {
        Lt,
        Lte,
        Gt,
        Gte,
    }

    private readonly record struct Bound(Operator Op, double Limit) : IFieldTest
    {
        public bool Holds(object? value) =>
            FieldValues.TryGetNumberOrNumericText(value, out var number) && Op switch
            {
                Operator.Lt => number < Limit,
                Operator.Lte => number <= Limit,
                Operator.Gt => number > Limit,
                _ => number >= Limit,
            };
    }
}
