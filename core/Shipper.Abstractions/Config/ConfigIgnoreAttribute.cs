namespace Shipper.Config;

/// <summary>Marks an options property that is not bound from configuration.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ConfigIgnoreAttribute : Attribute
{
}
