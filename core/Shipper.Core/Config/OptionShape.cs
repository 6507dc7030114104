using System.Collections.Concurrent;
using System.Reflection;
using Shipper.Config;

namespace Shipper.Core.Config;

/// <summary>The bindable properties of an options class, by configuration key. Built once per type.</summary>
internal sealed class OptionShape
{
    private static readonly ConcurrentDictionary<Type, OptionShape> Cache = new();

    private readonly OrderedDictionary<string, OptionProperty> _byKey = new(StringComparer.Ordinal);

    private OptionShape(Type type)
    {
        var nullability = new NullabilityInfoContext();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0
                || property.IsDefined(typeof(ConfigIgnoreAttribute), inherit: true))
            {
                continue;
            }

            var key = property.GetCustomAttribute<ConfigKeyAttribute>(inherit: true)?.Name ?? Naming.SnakeCase(property.Name);
            var allowsNull = Nullable.GetUnderlyingType(property.PropertyType) is not null
                || (!property.PropertyType.IsValueType && nullability.Create(property).WriteState != NullabilityState.NotNull);
            var secret = property.IsDefined(typeof(SecretAttribute), inherit: true) || SecretMask.IsSecretKey(key);
            _byKey[key] = new OptionProperty(key, property, allowsNull, secret);
        }
    }

    public IEnumerable<string> Keys => _byKey.Keys;

    public static OptionShape For(Type type) => Cache.GetOrAdd(type, t => new OptionShape(t));

    public bool TryGet(string key, out OptionProperty property) => _byKey.TryGetValue(key, out property!);
}
