using System.Collections;
using Shipper.Config;
using Shipper.Events;

namespace Shipper.Core.Config;

/// <summary>
/// Binds a configuration block into an options object, strictly: unknown keys, wrong types and out-of-range
/// values are errors. All errors of one bind are gathered and thrown together as one
/// <see cref="ConfigException"/> (see <see cref="BindErrors"/>), so a user fixes a file in one pass.
/// </summary>
internal sealed class ConfigBinder
{
    private readonly BindErrors _errors = new();

    public static T Bind<T>(ConfigSection section)
        where T : class, new()
    {
        var binder = new ConfigBinder();
        var result = binder.BindObject(typeof(T), section.Node, new Slot(section.Path, section.Location, false, false));
        binder._errors.ThrowIfAny();
        return (T?)result ?? new T();
    }

    private object? BindObject(Type type, ConfigNode node, Slot slot)
    {
        if (node is ScalarNode { IsNull: true })
        {
            return Activator.CreateInstance(type);
        }

        if (node is not MapNode map)
        {
            _errors.Add($"expected a block of settings (key: value lines), got {Describe(node, slot)}", slot.Path, node.Location);
            return null;
        }

        var shape = OptionShape.For(type);
        var target = Activator.CreateInstance(type)!;
        var before = _errors.Count;
        foreach (var (key, child) in map.Children)
        {
            var path = KeyPaths.Join(slot.Path, key);
            if (!shape.TryGet(key, out var property))
            {
                _errors.Add(UnknownKey(key, slot.Path, shape), path, map.KeyLocation(key));
                continue;
            }

            var childSlot = new Slot(path, map.KeyLocation(key), property.AllowsNull, slot.IsSecret || property.IsSecret);
            if (TryConvert(property.Property.PropertyType, child, childSlot, out var value))
            {
                property.Property.SetValue(target, value);
            }
        }

        // Checks of a half-bound object would report defaults the user never wrote, so they wait for a clean bind.
        if (_errors.Count == before && target is IValidatable validatable)
        {
            Validate(validatable, map, slot);
        }

        return target;
    }

    /// <summary>Converts <paramref name="node"/>; false when it failed (error recorded) or should keep the default.</summary>
    private bool TryConvert(Type type, ConfigNode node, Slot slot, out object? value)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(IConfigSection))
        {
            value = new ConfigSection(node, slot.Path, slot.Location);
            return true;
        }

        if (node is ScalarNode { IsNull: true })
        {
            return TryNull(underlying, node, slot, out value);
        }

        if (underlying == typeof(FieldMap))
        {
            if (node is not MapNode fields)
            {
                return Wrong("a block of fields (key: value lines)", node, slot);
            }

            value = FieldMapConverter.ToFieldMap(fields);
            return true;
        }

        if (ScalarConverter.Handles(underlying))
        {
            return TryScalar(underlying, node, slot, out value);
        }

        if (CollectionTypes.ElementOfList(underlying) is { } element)
        {
            return TryList(underlying, element, node, slot, out value);
        }

        if (CollectionTypes.ValueOfDictionary(underlying) is { } entry)
        {
            return TryDictionary(entry, node, slot, out value);
        }

        if (underlying.IsClass && underlying.GetConstructor(Type.EmptyTypes) is not null)
        {
            value = BindObject(underlying, node, slot);
            return value is not null;
        }

        throw new NotSupportedException($"the configuration binder cannot fill '{slot.Path}' of type {type}");
    }

    private bool TryNull(Type underlying, ConfigNode node, Slot slot, out object? value)
    {
        value = null;
        if (CollectionTypes.ElementOfList(underlying) is { } element)
        {
            // "tags:" with nothing after it is an empty list, not an error.
            value = CollectionTypes.MakeList(underlying, element, []);
            return true;
        }

        if (slot.AllowsNull)
        {
            return true;
        }

        if (underlying == typeof(FieldMap) || CollectionTypes.ValueOfDictionary(underlying) is not null || (underlying.IsClass && underlying != typeof(string)))
        {
            return false; // an empty block keeps the defaults
        }

        _errors.Add($"needs a value: expected {ScalarConverter.Expectation(underlying)}", slot.Path, node.Location);
        return false;
    }

    private bool TryScalar(Type type, ConfigNode node, Slot slot, out object? value)
    {
        value = null;
        if (node is not ScalarNode scalar)
        {
            return Wrong(ScalarConverter.Expectation(type), node, slot);
        }

        var shown = SecretMask.Show(slot.Path, scalar.Text, slot.IsSecret);
        if (ScalarConverter.TryConvert(type, scalar.Text, shown, out value, out var error))
        {
            return true;
        }

        _errors.Add(error, slot.Path, node.Location);
        return false;
    }

    private bool TryList(Type listType, Type element, ConfigNode node, Slot slot, out object? value)
    {
        value = null;
        if (node is not ListNode list)
        {
            return Wrong("a list (write [a, b] or one '- item' per line)", node, slot);
        }

        var items = new List<object?>(list.Items.Count);
        var ok = true;
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemSlot = new Slot(KeyPaths.Join(slot.Path, i), list.Items[i].Location, Nullable.GetUnderlyingType(element) is not null, slot.IsSecret);
            ok &= TryElement(element, list.Items[i], itemSlot, out var item);
            items.Add(item);
        }

        value = ok ? CollectionTypes.MakeList(listType, element, items) : null;
        return ok;
    }

    private bool TryDictionary(Type valueType, ConfigNode node, Slot slot, out object? value)
    {
        value = null;
        if (node is not MapNode map)
        {
            return Wrong("a block of key: value lines", node, slot);
        }

        var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
        var ok = true;
        foreach (var (key, child) in map.Children)
        {
            var path = KeyPaths.Join(slot.Path, key);
            var childSlot = new Slot(path, map.KeyLocation(key), Nullable.GetUnderlyingType(valueType) is not null, slot.IsSecret || SecretMask.IsSecretKey(key));
            if (TryElement(valueType, child, childSlot, out var item))
            {
                dictionary[key] = item;
            }
            else
            {
                ok = false;
            }
        }

        value = dictionary;
        return ok;
    }

    /// <summary>Converts a list item or dictionary value, which has no default to fall back on when empty.</summary>
    private bool TryElement(Type type, ConfigNode node, Slot slot, out object? value)
    {
        var before = _errors.Count;
        if (TryConvert(type, node, slot, out value))
        {
            return true;
        }

        if (_errors.Count == before)
        {
            _errors.Add("needs a value: an empty item is not allowed here", slot.Path, node.Location);
        }

        return false;
    }

    private void Validate(IValidatable validatable, MapNode map, Slot slot)
    {
        var errors = new ValidationErrors();
        validatable.Validate(errors);
        foreach (var (key, message) in errors.Items)
        {
            var at = new ConfigSection(map, slot.Path, slot.Location).GetSection(key)?.Location ?? slot.Location;
            _errors.Add(message, KeyPaths.Join(slot.Path, key), at);
        }
    }

    private bool Wrong(string expected, ConfigNode node, Slot slot)
    {
        _errors.Add($"expected {expected}, got {Describe(node, slot)}", slot.Path, node.Location);
        return false;
    }

    private static string Describe(ConfigNode node, Slot slot) =>
        node is ScalarNode scalar ? SecretMask.Show(slot.Path, scalar.Text, slot.IsSecret) : node.Kind;

    private static string UnknownKey(string key, string parent, OptionShape shape)
    {
        var suggestion = Naming.Closest(key, shape.Keys);
        var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
        var where = parent.Length == 0 ? "at the top level" : $"under '{parent}'";
        return $"unknown key '{key}'{hint} (valid keys {where}: {string.Join(", ", shape.Keys)})";
    }

    /// <summary>Where a value goes: its path, the location of its key, and how it may be shown.</summary>
    private readonly record struct Slot(string Path, ConfigLocation Location, bool AllowsNull, bool IsSecret);
}
