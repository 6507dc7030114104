using Shipper.Config;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Conditions;

/// <summary><c>has_fields: [a, b.c]</c>: every field exists (a null value counts as present).</summary>
internal sealed class HasFieldsCondition : ICondition
{
    private readonly FieldPath[] _fields;

    private HasFieldsCondition(FieldPath[] fields) => _fields = fields;

    public static HasFieldsCondition Create(IConfigSection condition, List<string>? fields)
    {
        if (fields is not { Count: > 0 })
        {
            throw condition.Error("has_fields", "has_fields needs a list of at least one field, e.g. [process.name]");
        }

        var paths = new FieldPath[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            paths[i] = FieldPath.TryParse(fields[i]) ?? throw condition.Error($"has_fields.{i}", $"'{fields[i]}' is not a field path");
        }

        return new HasFieldsCondition(paths);
    }

    public bool Matches(Event @event)
    {
        foreach (var field in _fields)
        {
            if (!field.Exists(@event))
            {
                return false;
            }
        }

        return true;
    }
}
