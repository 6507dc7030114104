using System.Globalization;
using System.Net;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>The conversions of <c>convert</c>. Never throws: a value that cannot be converted yields false.</summary>
internal static class ValueConverter
{
    public static bool TryConvert(object? value, ConvertType type, out object? result)
    {
        result = null;
        switch (type)
        {
            case ConvertType.Integer when TryLong(value, out var l) && l is >= int.MinValue and <= int.MaxValue:
                result = (int)l;
                return true;
            case ConvertType.Long when TryLong(value, out var l):
                result = l;
                return true;
            case ConvertType.Float when TryDouble(value, out var d):
                result = (float)d;
                return true;
            case ConvertType.Double when TryDouble(value, out var d):
                result = d;
                return true;
            case ConvertType.String when value is not null and not Events.FieldMap and not System.Collections.IList:
                result = FieldValues.ToText(value);
                return true;
            case ConvertType.Boolean when TryBool(value, out var b):
                result = b;
                return true;
            case ConvertType.Ip when value is string s && IPAddress.TryParse(s, out _):
                result = s;
                return true;
            case ConvertType.Ip when value is IPAddress ip:
                result = ip.ToString();
                return true;
            default:
                return false;
        }
    }

    private static bool TryLong(object? value, out long result)
    {
        if (FieldValues.TryGetInteger(value, out result))
        {
            return true;
        }

        switch (value)
        {
            case double or float or decimal when FieldValues.TryGetNumber(value, out var d) && double.IsFinite(d) && d >= long.MinValue && d < 9.2233720368547758E18:
                result = (long)Math.Truncate(d);
                return true;
            case bool b:
                result = b ? 1 : 0;
                return true;
            case string s:
                var text = s.AsSpan().Trim();
                return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                    ? long.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out result)
                    : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
            default:
                return false;
        }
    }

    private static bool TryDouble(object? value, out double result)
    {
        if (FieldValues.TryGetNumber(value, out result))
        {
            return true;
        }

        switch (value)
        {
            case bool b:
                result = b ? 1 : 0;
                return true;
            case string s:
                return double.TryParse(s.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out result);
            default:
                return false;
        }
    }

    private static bool TryBool(object? value, out bool result)
    {
        result = false;
        switch (value)
        {
            case bool b:
                result = b;
                return true;
            case string s:
                switch (s.Trim())
                {
                    case "1" or "t" or "T" or "true" or "TRUE" or "True":
                        result = true;
                        return true;
                    case "0" or "f" or "F" or "false" or "FALSE" or "False":
                        return true;
                    default:
                        return false;
                }

            default:
                if (FieldValues.TryGetNumber(value, out var d))
                {
                    result = d != 0;
                    return true;
                }

                return false;
        }
    }
}
