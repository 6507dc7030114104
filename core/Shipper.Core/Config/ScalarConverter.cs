using System.Globalization;
using System.Numerics;

namespace Shipper.Core.Config;

/// <summary>
/// Converts scalar text to the simple property types: string, bool, integers (range-checked), floating point,
/// <see cref="TimeSpan"/> (Go durations) and enums. Booleans accept YAML 1.1 words: true/false, yes/no, on/off.
/// </summary>
internal static class ScalarConverter
{
    private static readonly Dictionary<Type, (BigInteger Min, BigInteger Max, Func<BigInteger, object> Make)> Integers = new()
    {
        [typeof(int)] = (int.MinValue, int.MaxValue, v => (int)v),
        [typeof(long)] = (long.MinValue, long.MaxValue, v => (long)v),
        [typeof(uint)] = (uint.MinValue, uint.MaxValue, v => (uint)v),
        [typeof(ulong)] = (ulong.MinValue, ulong.MaxValue, v => (ulong)v),
        [typeof(short)] = (short.MinValue, short.MaxValue, v => (short)v),
        [typeof(ushort)] = (ushort.MinValue, ushort.MaxValue, v => (ushort)v),
        [typeof(byte)] = (byte.MinValue, byte.MaxValue, v => (byte)v),
    };

    public static bool Handles(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(double) || type == typeof(float)
        || type == typeof(TimeSpan) || type.IsEnum || Integers.ContainsKey(type);

    /// <summary>What a value of <paramref name="type"/> looks like, for messages.</summary>
    public static string Expectation(Type type)
    {
        if (Integers.TryGetValue(type, out var range))
        {
            return $"a whole number from {range.Min} to {range.Max}";
        }

        return type switch
        {
            _ when type == typeof(string) => "text",
            _ when type == typeof(bool) => "true or false (yes/no and on/off are accepted too)",
            _ when type == typeof(double) || type == typeof(float) => "a number",
            _ when type == typeof(TimeSpan) => GoDuration.Expectation,
            _ when type.IsEnum => "one of " + string.Join(", ", EnumNames.Accepted(type)),
            _ => type.Name,
        };
    }

    /// <summary>Converts <paramref name="text"/>; on failure <paramref name="error"/> says why, showing the value as <paramref name="shown"/>.</summary>
    public static bool TryConvert(Type type, string text, string shown, out object? value, out string error)
    {
        error = string.Empty;
        value = null;
        if (type == typeof(string))
        {
            value = text;
            return true;
        }

        if (Integers.TryGetValue(type, out var range))
        {
            return TryInteger(text, shown, range, out value, out error);
        }

        bool ok;
        if (type == typeof(bool))
        {
            ok = TryBool(text, out value);
        }
        else if (type == typeof(double) || type == typeof(float))
        {
            ok = TryDouble(text, out value);
            value = ok && type == typeof(float) ? (float)(double)value! : value;
        }
        else if (type == typeof(TimeSpan))
        {
            ok = GoDuration.TryParse(text, out var span);
            value = span;
        }
        else
        {
            ok = EnumNames.TryParse(type, text, out value);
        }

        if (!ok)
        {
            error = $"expected {Expectation(type)}, got {shown}";
        }

        return ok;
    }

    private static bool TryInteger(string text, string shown, (BigInteger Min, BigInteger Max, Func<BigInteger, object> Make) range, out object? value, out string error)
    {
        value = null;
        error = string.Empty;
        var s = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        if (!BigInteger.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            error = $"expected a whole number from {range.Min} to {range.Max}, got {shown}";
            return false;
        }

        if (number < range.Min || number > range.Max)
        {
            error = $"{shown} is out of range: must be from {range.Min} to {range.Max}";
            return false;
        }

        value = range.Make(number);
        return true;
    }

    private static bool TryBool(string text, out object? value)
    {
        value = text.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => null,
        };
        return value is not null;
    }

    private static bool TryDouble(string text, out object? value)
    {
        value = text.Trim().ToLowerInvariant() switch
        {
            ".inf" or "+.inf" => double.PositiveInfinity,
            "-.inf" => double.NegativeInfinity,
            ".nan" => double.NaN,
            var s when LooksNumeric(s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
        return value is not null;
    }

    /// <summary>Digits with optional sign, point and exponent only: keeps out "Infinity", "NaN" and spaces.</summary>
    internal static bool LooksNumeric(string s) =>
        s.Length > 0 && s.Any(char.IsAsciiDigit) && s.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '.' or 'e' or 'E');
}
