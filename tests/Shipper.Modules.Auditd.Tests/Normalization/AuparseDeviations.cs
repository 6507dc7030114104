namespace Shipper.Modules.Auditd.Tests.Normalization;

/// <summary>Where go-libaudit's per-record parse is wrong and we differ on purpose.</summary>
internal static class AuparseDeviations
{
    public static void Apply(ushort type, Dictionary<string, string> want, Dictionary<string, string> got)
    {
        _ = type;

        // go-libaudit keeps a netlink socket address as raw hex; we decode the port id and groups.
        if (want.GetValueOrDefault("family") == "netlink" && got.TryGetValue("pid", out var pid) && got.TryGetValue("groups", out var groups) && want.Remove("saddr"))
        {
            want["pid"] = pid;
            want["groups"] = groups;
        }
        // old-ses 4294967295 (no session before) is shown as unset, like ses and old-auid.
        if (want.GetValueOrDefault("old-ses") == "4294967295")
        {
            want["old-ses"] = "unset";
        }
    }
}
