using System.Collections;
using System.Globalization;
using Shipper.Events;

namespace Shipper.Processors.Standard.Support;

/// <summary>How processors and conditions read field values: numbers of any CLR type, strings, lists, deep copies.</summary>
internal static class FieldValues
{
    /// <summary>True for the numeric CLR types an event may hold; <paramref name="number"/> is the value as a double.</summary>
    public static bool TryGetNumber(object? value, out double number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case double d: number = d; return true;
            case float f: number = f; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            case short s: number = s; return true;
            case ushort us: number = us; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case decimal m: number = (double)m; return true;
            default: number = 0; return false;
        }
    }

    /// <summary>A whole number of any integral CLR type, when it fits a long.</summary>
    public static bool TryGetInteger(object? value, out long integer)
    {
        switch (value)
        {
            case int i: integer = i; return true;
            case long l: integer = l; return true;
            case uint ui: integer = ui; return true;
            case ulong ul when ul <= long.MaxValue: integer = (long)ul; return true;
            case short s: integer = s; return true;
            case ushort us: integer = us; return true;
            case byte b: integer = b; return true;
            case sbyte sb: integer = sb; return true;
            default: integer = 0; return false;
        }
    }

    /// <summary>A number, or text that reads as one (for <c>range</c>, as event fields often carry numbers as text).</summary>
    public static bool TryGetNumberOrNumericText(object? value, out double number) =>
        TryGetNumber(value, out number)
        || (value is string text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number));

    /// <summary>True when <paramref name="value"/> is a list (but not a string or a map).</summary>
    public static bool IsList(object? value) => value is IList;

    /// <summary>
    /// A copy that shares nothing mutable with <paramref name="value"/>: maps and lists (of any element type)
    /// are copied; scalars and frozen maps cannot change and are shared.
    /// </summary>
    public static object? DeepCopy(object? value) => value switch
    {
        null or string => value,
        FieldMap { IsReadOnly: true } => value,
        FieldMap map => CopyMap(map),
        List<string> strings => new List<string>(strings),
        IList list => CopyList(list),
        _ => value,
    };

    /// <summary>
    /// Copies every entry of <paramref name="source"/> into <paramref name="target"/> (which must be writable), merging
    /// nested maps key by key; frozen nested maps of the target are replaced by writable copies first.
    /// </summary>
    public static void DeepMerge(FieldMap target, FieldMap source)
    {
        foreach (var (key, value) in source)
        {
            if (value is FieldMap incoming && target.TryGetLocal(key, out var existing) && existing is FieldMap current)
            {
                DeepMerge(WritableMaps.Child(target, key, current), incoming);
            }
            else
            {
                target[key] = DeepCopy(value);
            }
        }
    }

    /// <summary>Invariant text for a scalar: what <c>convert</c> to string and messages show.</summary>
    public static string ToText(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A short description of a value's type for error messages.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string => "text",
        bool => "a boolean",
        FieldMap => "an object",
        IList => "a list",
        _ when TryGetNumber(value, out _) => "a number",
        _ => value.GetType().Name,
    };

    private static FieldMap CopyMap(FieldMap map)
    {
        var copy = new FieldMap(map.Count);
        foreach (var (key, child) in map)
        {
            copy[key] = DeepCopy(child);
        }

        return copy;
    }

    private static List<object?> CopyList(IList list)
    {
        var copy = new List<object?>(list.Count);
        foreach (var item in list)
        {
            copy.Add(DeepCopy(item));
        }

        return copy;
    }
}
