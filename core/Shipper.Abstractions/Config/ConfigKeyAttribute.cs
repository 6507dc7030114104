namespace Shipper.Config;

/// <summary>Names the configuration key of an options property when it is not the property's snake_case name.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ConfigKeyAttribute(string name) : Attribute
{
    /// <summary>The key as written in YAML, e.g. <c>rotate_every_kb</c>.</summary>
    public string Name { get; } = name;
}
