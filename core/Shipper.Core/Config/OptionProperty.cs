using System.Reflection;

namespace Shipper.Core.Config;

/// <summary>One bindable property: its key, whether null is allowed and whether its value is secret.</summary>
internal sealed record OptionProperty(string Key, PropertyInfo Property, bool AllowsNull, bool IsSecret);
