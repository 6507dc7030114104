using System.Collections;
using System.Net;
using Shipper.Config;
using Shipper.Events;

namespace Shipper.Processors.Standard.Conditions;

/// <summary>
/// <c>network: {source.ip: private, destination.ip: [10.0.0.0/8, loopback]}</c>: every field holds an IP address
/// (text or parsed) inside one of its ranges; a list of addresses matches when any of them does. Text that is not
/// an address does not match.
/// </summary>
internal static class NetworkCondition
{
    public static ICondition Create(IConfigSection condition, FieldMap? fields) =>
        FieldCondition<NetworkTest>.Create(condition, "network", fields, (key, path, value) =>
        {
            List<string> ranges = value switch
            {
                string one => [one],
                IList list when list.Count > 0 && list.Cast<object?>().All(i => i is string) => [.. list.Cast<string>()],
                _ => throw condition.Error(key, "network takes a CIDR block or range name, or a list of them"),
            };
            return (path, new NetworkTest(IpMatcher.TryCreate(ranges, out var error) ?? throw condition.Error(key, error)));
        });

    private readonly record struct NetworkTest(IpMatcher Ranges) : IFieldTest
    {
        public bool Holds(object? value) => InRange(value, Ranges);
    }

    private static bool InRange(object? value, IpMatcher ranges)
    {
        switch (value)
        {
            case string text:
                return IPAddress.TryParse(text, out var parsed) && ranges.Contains(parsed);
            case IPAddress ip:
                return ranges.Contains(ip);
            case IList list:
                foreach (var item in list)
                {
                    if (item is string or IPAddress && InRange(item, ranges))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
