using System.Net;
using System.Net.Sockets;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>
/// The ranges one field of a <c>network</c> condition is checked against: CIDR blocks (host bits are ignored, as Go's
/// <c>ParseCIDR</c> does; a bare address is a /32 or /128) and named ranges. IPv4-mapped IPv6 addresses count as IPv4.
/// </summary>
internal sealed class IpMatcher
{
    private readonly IPNetwork[] _blocks;
    private readonly Func<IPAddress, bool>[] _named;

    private IpMatcher(IPNetwork[] blocks, Func<IPAddress, bool>[] named)
    {
        _blocks = blocks;
        _named = named;
    }

    /// <summary>Builds a matcher; <paramref name="error"/> names the first entry that is neither a CIDR block nor a known name.</summary>
    public static IpMatcher? TryCreate(IReadOnlyList<string> ranges, out string error)
    {
        error = string.Empty;
        var blocks = new List<IPNetwork>();
        var named = new List<Func<IPAddress, bool>>();
        foreach (var range in ranges)
        {
            if (NamedNetworks.TryGet(range, out var contains))
            {
                named.Add(contains);
            }
            else if (TryParseBlock(range, out var block))
            {
                blocks.Add(block);
            }
            else
            {
                error = $"'{range}' is neither a CIDR block (such as 10.0.0.0/8 or fd00::/8) nor a named range ({string.Join(", ", NamedNetworks.All)})";
                return null;
            }
        }

        return new IpMatcher([.. blocks], [.. named]);
    }

    public bool Contains(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        foreach (var block in _blocks)
        {
            if (block.Contains(ip))
            {
                return true;
            }
        }

        foreach (var named in _named)
        {
            if (named(ip))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParseBlock(string text, out IPNetwork block)
    {
        block = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text.AsSpan() : text.AsSpan(0, slash);
        if (!IPAddress.TryParse(addressText, out var address))
        {
            return false;
        }

        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = max;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out prefix) || prefix > max))
        {
            return false;
        }

        block = new IPNetwork(Mask(address, prefix), prefix);
        return true;
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
