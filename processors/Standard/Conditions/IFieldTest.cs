namespace Shipper.Processors.Standard.Conditions;

/// <summary>What one <c>field: value</c> line of a field condition checks against the field's value.</summary>
internal interface IFieldTest
{
    /// <summary>Whether the field's value (present, possibly null) passes.</summary>
    bool Holds(object? value);
}
