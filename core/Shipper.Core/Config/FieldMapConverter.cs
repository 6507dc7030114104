using System.Globalization;
using Shipper.Events;

namespace Shipper.Core.Config;

/// <summary>
/// Turns a free-form block (<c>fields:</c>) into a <see cref="FieldMap"/>. Plain scalars get a type as YAML's
/// core schema reads them: whole numbers become int (or long when larger), other numbers double,
/// true/false bool, null/~/nothing null; quoted scalars stay text. yes/no and on/off stay text here.
/// </summary>
internal static class FieldMapConverter
{
    public static FieldMap ToFieldMap(MapNode map)
    {
        var fields = new FieldMap(map.Count);
        foreach (var (key, child) in map.Children)
        {
            fields[key] = ToValue(child);
        }

        return fields;
    }

    public static object? ToValue(ConfigNode node) => node switch
    {
        MapNode map => ToFieldMap(map),
        ListNode list => list.Items.Select(ToValue).ToList(),
        _ => ToScalar((ScalarNode)node),
    };

    private static object? ToScalar(ScalarNode scalar)
    {
        if (scalar.IsNull)
        {
            return null;
        }

        var text = scalar.Text;
        if (scalar.Quoted || !ScalarConverter.LooksNumeric(text))
        {
            return scalar.Quoted ? text : text switch
            {
                "true" or "True" or "TRUE" => true,
                "false" or "False" or "FALSE" => false,
                _ => text,
            };
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
        {
            return i;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : text;
    }
}
