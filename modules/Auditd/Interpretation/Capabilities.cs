using System.Globalization;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>Capability sets (the hex masks of CAPSET and BPRM_FCAPS records) as names, e.g. <c>CAP_NET_ADMIN</c>.</summary>
public static class Capabilities
{
    /// <summary>The names of the bits set in the hex mask <paramref name="hex"/>; null when it is not hex. Unknown bits are <c>CAP_n</c>.</summary>
    public static List<string>? Names(string hex)
    {
        if (!ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask))
        {
            return null;
        }

        var names = new List<string>();
        for (var bit = 0; bit < 64 && mask != 0; bit++, mask >>= 1)
        {
            if ((mask & 1) != 0)
            {
                names.Add(bit < CapabilityData.Names.Length ? CapabilityData.Names[bit] : "CAP_" + bit.ToString(CultureInfo.InvariantCulture));
            }
        }

        return names;
    }
}
