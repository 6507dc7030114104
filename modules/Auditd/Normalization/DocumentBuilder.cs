using System.Globalization;
using System.Text;
using Shipper.Events;
using Shipper.Modules.Auditd.Interpretation;
using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>Writes a coalesced event as an Auditbeat-shaped document.</summary>
internal static class DocumentBuilder
{
    public static Event Build(CoalescedEvent e, AssembledEvent records, NormalizerOptions options)
    {
        var doc = new Event(e.Timestamp.ToDateTimeOffset(), new FieldMap(12));
        var fields = doc.Fields;
        var ev = new FieldMap(8);
        fields.Add("event", ev);
        ev.Add("module", "auditd");
        ev.Add("kind", "event");
        if (e.EcsCategories.Count > 0)
        {
            ev.Add("category", e.EcsCategories.ToList<object?>());
        }

        if (e.EcsTypes.Count > 0)
        {
            ev.Add("type", e.EcsTypes.ToList<object?>());
        }

        if (!string.IsNullOrEmpty(e.Action))
        {
            ev.Add("action", e.Action);
        }

        ev.Add("outcome", e.Result == "fail" ? "failure" : e.Result);
        fields.Add("service", new FieldMap(1).Add("type", "auditd"));
        fields.Add("auditd", Auditd(e));
        AddUser(e, fields);
        AddProcess(e, fields);
        AddFile(e, fields);
        AddAddress(e.Source, "source", fields);
        AddAddress(e.Destination, "destination", fields);
        if (e.Direction is not null)
        {
            fields.Put("network.direction", e.Direction);
        }

        if (e.Tags.Count > 0)
        {
            fields.Add("tags", e.Tags.ToList<object?>());
        }

        if (options.IncludeWarnings && e.Warnings.Count > 0)
        {
            fields.Put("error.message", e.Warnings.ToList<object?>());
        }

        if (options.IncludeRawMessage || (options.IncludeWarnings && e.Warnings.Count > 0))
        {
            ev.Add("original", Original(records));
        }

        AddEcsEntities(e, fields, options.Identities is not null);
        return doc;
    }

    private static FieldMap Auditd(CoalescedEvent e)
    {
        var auditd = new FieldMap(8);
        auditd.Add("message_type", RecordTypeNames.LowerNameOf(e.Type));
        auditd.Add("sequence", e.Sequence);
        auditd.Add("result", e.Result);
        if (e.Session is not null && e.Session != "unset")
        {
            auditd.Add("session", e.Session);
        }

        var data = new FieldMap(e.Data.Count);
        foreach (var (key, value) in e.Data)
        {
            if (key.StartsWith("socket_", StringComparison.Ordinal))
            {
                data.Put("socket." + key[7..], value);
            }
            else
            {
                data.Add(key, value);
            }
        }

        auditd.Add("data", data);
        var summary = new FieldMap(4);
        AddIfSet(summary, "actor.primary", e.ActorPrimary);
        AddIfSet(summary, "actor.secondary", e.ActorSecondary);
        AddIfSet(summary, "object.primary", e.ObjectPrimary);
        AddIfSet(summary, "object.secondary", e.ObjectSecondary);
        AddIfSet(summary, "object.type", e.ObjectType);
        AddIfSet(summary, "how", e.How);
        if (summary.Count > 0)
        {
            auditd.Add("summary", summary);
        }

        if (e.Paths.Count > 0)
        {
            var paths = new List<object?>(e.Paths.Count);
            foreach (var path in e.Paths)
            {
                var map = new FieldMap(path.Count);
                foreach (var (key, value) in path)
                {
                    map.Add(key, value);
                }

                paths.Add(map);
            }

            auditd.Add("paths", paths);
        }

        return auditd;
    }

    private static void AddUser(CoalescedEvent e, FieldMap fields)
    {
        var user = new FieldMap(8);
        foreach (var (key, id) in e.UserIds)
        {
            if (id != "unset")
            {
                user.Put(UserPath(key).Id, id);
            }
        }

        foreach (var (key, name) in e.UserNames)
        {
            user.Put(UserPath(key).Name, name);
        }

        if (e.UserSelinux.Count > 0 && user.Count > 0)
        {
            var selinux = new FieldMap(e.UserSelinux.Count);
            foreach (var (key, value) in e.UserSelinux)
            {
                selinux.Add(key, value);
            }

            user.Add("selinux", selinux);
        }

        if (user.Count > 0)
        {
            fields.Add("user", user);
        }
    }

    /// <summary>Where Auditbeat puts an id: uid → user, gid → user.group, euid → user.effective, egid → user.effective.group …</summary>
    private static string UserPrefix(string key) => key switch
    {
        "uid" => string.Empty,
        "gid" => "group.",
        "euid" => "effective.",
        "egid" => "effective.group.",
        "suid" => "saved.",
        "sgid" => "saved.group.",
        "fsuid" => "filesystem.",
        "fsgid" => "filesystem.group.",
        "auid" => "audit.",
        _ => key + ".",
    };

    /// <summary>The id and name paths under <c>user</c> for an id field; the usual ones are made once.</summary>
    private static (string Id, string Name) UserPath(string key) =>
        UserPaths.TryGetValue(key, out var paths) ? paths : (UserPrefix(key) + "id", UserPrefix(key) + "name");

    private static readonly System.Collections.Frozen.FrozenDictionary<string, (string Id, string Name)> UserPaths =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(
            ((string[])["uid", "gid", "euid", "egid", "suid", "sgid", "fsuid", "fsgid", "auid", "ouid", "ogid", "old-auid", "inode_uid", "inode_gid", "new-auid", "old-uid", "new-uid"])
                .Select(key => KeyValuePair.Create(key, (UserPrefix(key) + "id", UserPrefix(key) + "name"))),
            StringComparer.Ordinal);

    /// <summary>The ECS entities and their <c>.id</c>/<c>.name</c> paths, made once.</summary>
    private static readonly (string Id, string Name)[] EntityPaths =
        [("user.id", "user.name"), ("user.effective.id", "user.effective.name"), ("user.target.id", "user.target.name"), ("user.changes.id", "user.changes.name"), ("group.id", "group.name")];

    private static void AddProcess(CoalescedEvent e, FieldMap fields)
    {
        var process = new FieldMap(8);
        if (int.TryParse(e.ProcessPid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            process.Add("pid", pid);
        }

        if (int.TryParse(e.ProcessPpid, NumberStyles.None, CultureInfo.InvariantCulture, out var ppid))
        {
            process.Add("parent", new FieldMap(1).Add("pid", ppid));
        }

        AddIfSet(process, "title", e.ProcessTitle);
        AddIfSet(process, "name", e.ProcessName);
        AddIfSet(process, "executable", e.ProcessExecutable);
        AddIfSet(process, "working_directory", e.ProcessCwd);
        if (e.Args is { Count: > 0 })
        {
            process.Add("args", e.Args.ToList<object?>());
        }

        if (e.CapabilitiesEffective is not null)
        {
            process.Put("thread.capabilities.effective", e.CapabilitiesEffective.ToList<object?>());
        }

        if (e.CapabilitiesPermitted is not null)
        {
            process.Put("thread.capabilities.permitted", e.CapabilitiesPermitted.ToList<object?>());
        }

        if (process.Count > 0)
        {
            fields.Add("process", process);
        }
    }

    private static void AddFile(CoalescedEvent e, FieldMap fields)
    {
        if (e.File is not { } f)
        {
            return;
        }

        var file = new FieldMap(8);
        AddIfSet(file, "path", f.Path);
        AddIfSet(file, "device", f.Device);
        AddIfSet(file, "inode", f.Inode);
        AddIfSet(file, "mode", f.Mode);
        AddIfSet(file, "uid", f.Uid);
        AddIfSet(file, "gid", f.Gid);
        AddIfSet(file, "owner", f.Owner);
        AddIfSet(file, "group", f.Group);
        if (f.Selinux.Count > 0)
        {
            var selinux = new FieldMap(f.Selinux.Count);
            foreach (var (key, value) in f.Selinux)
            {
                selinux.Add(key, value);
            }

            file.Add("selinux", selinux);
        }

        fields.Add("file", file);
    }

    private static void AddAddress(CoalescedEvent.AddressFields? address, string key, FieldMap fields)
    {
        if (address is null)
        {
            return;
        }

        var map = new FieldMap(3);
        AddIfSet(map, "ip", address.Ip);
        if (int.TryParse(address.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            map.Add("port", port);
        }

        AddIfSet(map, "path", address.Path);
        fields.Add(key, map);
    }

    private static void AddEcsEntities(CoalescedEvent e, FieldMap fields, bool related)
    {
        var names = related ? new SortedSet<string>(StringComparer.Ordinal) : null;
        SetEntity(fields, EntityPaths[0], e.EcsUser, names);
        SetEntity(fields, EntityPaths[1], e.EcsEffective, names);
        SetEntity(fields, EntityPaths[2], e.EcsTarget, names);
        SetEntity(fields, EntityPaths[3], e.EcsChanges, names);
        SetEntity(fields, EntityPaths[4], e.EcsGroup, null);
        if (names is { Count: > 0 })
        {
            fields.Put("related.user", names.ToList<object?>());
        }

        // user.effective that says the same as user is left out.
        if (SameValue(fields, "user.id", "user.effective.id") || SameValue(fields, "user.name", "user.effective.name"))
        {
            fields.Remove("user.effective");
        }
    }

    private static bool SameValue(FieldMap fields, string path, string other) =>
        fields.GetValueOrDefault(path) is string value && fields.GetValueOrDefault(other) is string otherValue && value == otherValue;

    private static void SetEntity(FieldMap fields, (string Id, string Name) path, CoalescedEvent.EcsEntity entity, SortedSet<string>? names)
    {
        if (entity.Unset)
        {
            // The acting user is known to be nobody (an unset audit uid): what the ids said about user is dropped.
            fields.Remove(path.Id);
            fields.Remove(path.Name);
            return;
        }

        if (entity.Id is null && entity.Name is null)
        {
            return;
        }

        if (entity.Id is not null)
        {
            fields.Put(path.Id, entity.Id);
        }
        else
        {
            fields.Remove(path.Id);
        }

        if (entity.Name is not null)
        {
            fields.Put(path.Name, entity.Name);
            names?.Add(entity.Name);
        }
        else
        {
            fields.Remove(path.Name);
        }
    }

    private static List<object?> Original(AssembledEvent records)
    {
        var lines = new List<object?>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var raw = records.RawAt(i);
            lines.Add(records.FromLog
                ? Encoding.UTF8.GetString(raw.TrimEnd("\r\n"u8))
                : $"type={RecordTypeNames.NameOf(records.TypeAt(i))} msg={Encoding.UTF8.GetString(raw)}");
        }

        return lines;
    }

    private static void AddIfSet(FieldMap map, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            map.Put(key, value);
        }
    }
}
