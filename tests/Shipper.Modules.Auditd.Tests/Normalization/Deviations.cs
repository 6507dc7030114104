namespace Shipper.Modules.Auditd.Tests.Normalization;

/// <summary>
/// Where this project deliberately differs from the documents Auditbeat wrote, and why. Each rule rewrites the
/// expected document (or drops a field from both) before the comparison; nothing else may differ.
/// </summary>
internal static class Deviations
{
    public static void Apply(string file, uint sequence, SortedDictionary<string, string> want, SortedDictionary<string, string> got)
    {
        // The golden files hold fields only; @timestamp is checked by the replay tests.
        got.Remove("@timestamp");

        // event.module is added by Auditbeat's framework after its golden test captured the fields; we write it ourselves.
        got.Remove("event.module");

        // The golden files predate Auditbeat's move of process.ppid to ECS process.parent.pid; we write the ECS field.
        Move(want, "process.ppid", "process.parent.pid");

        // go-libaudit takes file.device from the PATH record's rdev (the device a device file stands for, 00:00 for
        // ordinary files); the device the file lives on is dev, which is what ECS file.device means.
        if (want.ContainsKey("file.device") && got.TryGetValue("file.device", out var device))
        {
            want["file.device"] = device;
        }

        // Older Auditbeat wrote the group acted on as group.target.*, which is not an ECS field; the current mapping
        // (and ECS) puts it in group.*.
        Move(want, "group.target.id", "group.id");
        Move(want, "group.target.name", "group.name");

        // An unset audit uid is nobody, not a user called "unset": Auditbeat once wrote user.name "unset" and counted
        // it in related.user; we leave the user out.
        if (want.TryGetValue("user.name", out var name) && name == "\"unset\"")
        {
            want.Remove("user.name");
        }

        if (want.TryGetValue("related.user", out var related))
        {
            want["related.user"] = related.Replace(",\"unset\"", string.Empty, StringComparison.Ordinal).Replace("\"unset\",", string.Empty, StringComparison.Ordinal);
        }

        // old-ses is the session before a login, 4294967295 when there was none: shown as unset like ses and old-auid.
        if (want.TryGetValue("auditd.data.old-ses", out var oldSes) && oldSes == "\"4294967295\"")
        {
            want["auditd.data.old-ses"] = "\"unset\"";
        }

        // A record without ses has no session; Auditbeat wrote an empty string.
        if (want.TryGetValue("auditd.session", out var session) && session == "\"\"")
        {
            want.Remove("auditd.session");
        }

        // Record types without an ECS categorisation got go-libaudit's own category word (e.g. "mac"), which is not an
        // ECS category value; we leave event.category out rather than write an invalid one.
        if (want.TryGetValue("event.category", out var category) && !category.StartsWith('['))
        {
            want.Remove("event.category");
        }
    }

    private static void Move(SortedDictionary<string, string> map, string from, string to)
    {
        if (map.Remove(from, out var value))
        {
            map[to] = value;
        }
    }
}
