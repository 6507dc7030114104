using System.Net;
using System.Net.Sockets;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>
/// The named ranges of the <c>network</c> condition, with the meanings of Go's <c>net.IP</c> predicates that Beats
/// uses: loopback, unspecified, link_local_unicast, link_local_multicast, interface_local_multicast, multicast,
/// private (RFC 1918 and fc00::/7), global_unicast and unicast (routable unicast, private included), and public
/// (none of the others: not loopback, private, link-local, multicast, unspecified or broadcast).
/// </summary>
internal static class NamedNetworks
{
    private static readonly Dictionary<string, Func<IPAddress, bool>> Names = new(StringComparer.Ordinal)
    {
        ["loopback"] = IPAddress.IsLoopback,
        ["unspecified"] = IsUnspecified,
        ["link_local_unicast"] = IsLinkLocalUnicast,
        ["link_local_multicast"] = IsLinkLocalMulticast,
        ["interface_local_multicast"] = IsInterfaceLocalMulticast,
        ["multicast"] = IsMulticast,
        ["private"] = IsPrivate,
        ["global_unicast"] = IsGlobalUnicast,
        ["unicast"] = IsGlobalUnicast,
        ["public"] = IsPublic,
    };

    /// <summary>The names accepted, for error messages.</summary>
    public static IEnumerable<string> All => Names.Keys;

    public static bool TryGet(string name, out Func<IPAddress, bool> contains) => Names.TryGetValue(name, out contains!);

    private static bool IsV4(IPAddress ip, out uint value)
    {
        value = 0;
        if (ip.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        ip.TryWriteBytes(bytes, out _);
        value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        return true;
    }

    private static (byte First, byte Second) V6Prefix(IPAddress ip)
    {
        Span<byte> bytes = stackalloc byte[16];
        ip.TryWriteBytes(bytes, out _);
        return (bytes[0], bytes[1]);
    }

    private static bool IsUnspecified(IPAddress ip) => ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any);

    private static bool IsLinkLocalUnicast(IPAddress ip) =>
        IsV4(ip, out var v4) ? (v4 & 0xFFFF0000) == 0xA9FE0000 : ip.IsIPv6LinkLocal;

    private static bool IsLinkLocalMulticast(IPAddress ip)
    {
        if (IsV4(ip, out var v4))
        {
            return (v4 & 0xFFFFFF00) == 0xE0000000;
        }

        var (first, second) = V6Prefix(ip);
        return first == 0xFF && (second & 0x0F) == 0x02;
    }

    private static bool IsInterfaceLocalMulticast(IPAddress ip)
    {
        if (IsV4(ip, out _))
        {
            return false;
        }

        var (first, second) = V6Prefix(ip);
        return first == 0xFF && (second & 0x0F) == 0x01;
    }

    private static bool IsMulticast(IPAddress ip) =>
        IsV4(ip, out var v4) ? (v4 & 0xF0000000) == 0xE0000000 : ip.IsIPv6Multicast;

    private static bool IsPrivate(IPAddress ip)
    {
        if (IsV4(ip, out var v4))
        {
            return (v4 & 0xFF000000) == 0x0A000000 || (v4 & 0xFFF00000) == 0xAC100000 || (v4 & 0xFFFF0000) == 0xC0A80000;
        }

        return (V6Prefix(ip).First & 0xFE) == 0xFC;
    }

    private static bool IsBroadcast(IPAddress ip) => IsV4(ip, out var v4) && v4 == 0xFFFFFFFF;

    private static bool IsGlobalUnicast(IPAddress ip) =>
        !IsUnspecified(ip) && !IPAddress.IsLoopback(ip) && !IsMulticast(ip) && !IsLinkLocalUnicast(ip) && !IsBroadcast(ip);

    private static bool IsPublic(IPAddress ip) => IsGlobalUnicast(ip) && !IsPrivate(ip);
}
