using System.Globalization;
using System.Text;
using Shipper.Events;
using Shipper.Modules.Auditd.Interpretation;
using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>Writes a coalesced event as an Auditbeat-shaped document.</summary>
internal static class DocumentBuilder
{
    /// <summary><c>service.type: auditd</c>, the same for every document: one frozen map shared by all (a processor that changes it gets a copy).</summary>
    private static readonly FieldMap Service = new FieldMap(1).Add("type", "auditd").Freeze();

    private static readonly string[] NetworkDirection = ["network", "direction"];
    private static readonly string[] ErrorMessage = ["error", "message"];
    private static readonly string[] RelatedUser = ["related", "user"];
    private static readonly string[] EffectiveCapabilities = ["thread", "capabilities", "effective"];
    private static readonly string[] PermittedCapabilities = ["thread", "capabilities", "permitted"];

    /// <summary>Builds the document's fields into <paramref name="fields"/> (empty), from <paramref name="parts"/>.</summary>
    public static void Build(CoalescedEvent e, AssembledEvent records, NormalizerOptions options, DocumentParts parts, FieldMap fields)
    {
        var ev = parts.Map(8);
        fields.Add("event", ev);
        ev.Add("module", "auditd");
        ev.Add("kind", "event");
        if (e.EcsCategories.Count > 0)
        {
            ev.Add("category", parts.ListOf(e.EcsCategories));
        }

        if (e.EcsTypes.Count > 0)
        {
            ev.Add("type", parts.ListOf(e.EcsTypes));
        }

        if (!string.IsNullOrEmpty(e.Action))
        {
            ev.Add("action", e.Action);
        }

        ev.Add("outcome", e.Result == "fail" ? "failure" : e.Result);
        fields.Add("service", Service);
        fields.Add("auditd", Auditd(e, parts));
        AddUser(e, fields, parts);
        AddProcess(e, fields, parts);
        AddFile(e, fields, parts);
        AddAddress(e.Source, "source", fields, parts);
        AddAddress(e.Destination, "destination", fields, parts);
        if (e.Direction is not null)
        {
            parts.Put(fields, NetworkDirection, e.Direction);
        }

        if (e.Tags.Count > 0)
        {
            fields.Add("tags", parts.ListOf(e.Tags));
        }

        if (options.IncludeWarnings && e.Warnings.Count > 0)
        {
            parts.Put(fields, ErrorMessage, parts.ListOf(e.Warnings));
        }

        if (options.IncludeRawMessage || (options.IncludeWarnings && e.Warnings.Count > 0))
        {
            ev.Add("original", Original(records, parts));
        }

        AddEcsEntities(e, fields, options.Identities is not null, parts);
    }

    private static FieldMap Auditd(CoalescedEvent e, DocumentParts parts)
    {
        var auditd = parts.Map(8);
        auditd.Add("message_type", RecordTypeNames.LowerNameOf(e.Type));
        auditd.Add("sequence", e.Sequence);
        auditd.Add("result", e.Result);
        if (e.Session is not null && e.Session != "unset")
        {
            auditd.Add("session", e.Session);
        }

        var data = parts.Map(e.Data.Count);
        foreach (var (key, value) in e.Data)
        {
            if (key.StartsWith("socket_", StringComparison.Ordinal))
            {
                parts.Child(data, "socket")[FieldNames.After(key, 7)] = value;
            }
            else
            {
                data.Add(key, value);
            }
        }

        auditd.Add("data", data);
        var summary = parts.Map(4);
        AddIfSet(summary, "actor", "primary", e.ActorPrimary, parts);
        AddIfSet(summary, "actor", "secondary", e.ActorSecondary, parts);
        AddIfSet(summary, "object", "primary", e.ObjectPrimary, parts);
        AddIfSet(summary, "object", "secondary", e.ObjectSecondary, parts);
        AddIfSet(summary, "object", "type", e.ObjectType, parts);
        AddIfSet(summary, "how", e.How);
        if (summary.Count > 0)
        {
            auditd.Add("summary", summary);
        }

        if (e.Paths.Count > 0)
        {
            var paths = parts.List(e.Paths.Count);
            foreach (var path in e.Paths)
            {
                var map = parts.Map(path.Count);
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

    private static void AddUser(CoalescedEvent e, FieldMap fields, DocumentParts parts)
    {
        var user = parts.Map(12);
        foreach (var (key, id) in e.UserIds)
        {
            if (id != "unset")
            {
                parts.Put(user, UserPath(key).Id, id);
            }
        }

        foreach (var (key, name) in e.UserNames)
        {
            parts.Put(user, UserPath(key).Name, name);
        }

        if (e.UserSelinux.Count > 0 && user.Count > 0)
        {
            var selinux = parts.Map(e.UserSelinux.Count);
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
        else
        {
            parts.Recycle(user);
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

    /// <summary>The id and name paths under <c>user</c> for an id field, as segments; the usual ones are made once.</summary>
    private static (string[] Id, string[] Name) UserPath(string key) =>
        UserPaths.TryGetValue(key, out var paths) ? paths : MakeUserPath(key);

    private static (string[] Id, string[] Name) MakeUserPath(string key) =>
        ((UserPrefix(key) + "id").Split('.'), (UserPrefix(key) + "name").Split('.'));

    private static readonly System.Collections.Frozen.FrozenDictionary<string, (string[] Id, string[] Name)> UserPaths =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(
            ((string[])["uid", "gid", "euid", "egid", "suid", "sgid", "fsuid", "fsgid", "auid", "ouid", "ogid", "old-auid", "inode_uid", "inode_gid", "new-auid", "old-uid", "new-uid"])
                .Select(key => KeyValuePair.Create(key, MakeUserPath(key))),
            StringComparer.Ordinal);

    /// <summary>The ECS entities and their <c>.id</c>/<c>.name</c> paths (dotted, and as segments), made once.</summary>
    private static readonly EntityPath[] EntityPaths =
        [new("user.id", "user.name"), new("user.effective.id", "user.effective.name"), new("user.target.id", "user.target.name"), new("user.changes.id", "user.changes.name"), new("group.id", "group.name")];

    private sealed class EntityPath(string id, string name)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public string[] IdSegments { get; } = id.Split('.');

        public string[] NameSegments { get; } = name.Split('.');
    }

    private static void AddProcess(CoalescedEvent e, FieldMap fields, DocumentParts parts)
    {
        var process = parts.Map(8);
        if (int.TryParse(e.ProcessPid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            process.Add("pid", pid);
        }

        if (int.TryParse(e.ProcessPpid, NumberStyles.None, CultureInfo.InvariantCulture, out var ppid))
        {
            process.Add("parent", parts.Map(1).Add("pid", ppid));
        }

        AddIfSet(process, "title", e.ProcessTitle);
        AddIfSet(process, "name", e.ProcessName);
        AddIfSet(process, "executable", e.ProcessExecutable);
        AddIfSet(process, "working_directory", e.ProcessCwd);
        if (e.Args is { Count: > 0 })
        {
            process.Add("args", parts.ListOf(e.Args));
        }

        if (e.CapabilitiesEffective is not null)
        {
            parts.Put(process, EffectiveCapabilities, parts.ListOf(e.CapabilitiesEffective));
        }

        if (e.CapabilitiesPermitted is not null)
        {
            parts.Put(process, PermittedCapabilities, parts.ListOf(e.CapabilitiesPermitted));
        }

        if (process.Count > 0)
        {
            fields.Add("process", process);
        }
        else
        {
            parts.Recycle(process);
        }
    }

    private static void AddFile(CoalescedEvent e, FieldMap fields, DocumentParts parts)
    {
        if (e.File is not { } f)
        {
            return;
        }

        var file = parts.Map(8);
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
            var selinux = parts.Map(f.Selinux.Count);
            foreach (var (key, value) in f.Selinux)
            {
                selinux.Add(key, value);
            }

            file.Add("selinux", selinux);
        }

        fields.Add("file", file);
    }

    private static void AddAddress(CoalescedEvent.AddressFields? address, string key, FieldMap fields, DocumentParts parts)
    {
        if (address is null)
        {
            return;
        }

        var map = parts.Map(3);
        AddIfSet(map, "ip", address.Ip);
        if (int.TryParse(address.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            map.Add("port", port);
        }

        AddIfSet(map, "path", address.Path);
        fields.Add(key, map);
    }

    private static void AddEcsEntities(CoalescedEvent e, FieldMap fields, bool related, DocumentParts parts)
    {
        var names = related ? parts.List(4) : null;
        SetEntity(fields, EntityPaths[0], e.EcsUser, names, parts);
        SetEntity(fields, EntityPaths[1], e.EcsEffective, names, parts);
        SetEntity(fields, EntityPaths[2], e.EcsTarget, names, parts);
        SetEntity(fields, EntityPaths[3], e.EcsChanges, names, parts);
        SetEntity(fields, EntityPaths[4], e.EcsGroup, null, parts);
        if (names is { Count: > 0 })
        {
            names.Sort(static (a, b) => string.CompareOrdinal((string?)a, (string?)b));
            parts.Put(fields, RelatedUser, names);
        }

        // user.effective that says the same as user is left out.
        if (SameValue(fields, "user.id", "user.effective.id") || SameValue(fields, "user.name", "user.effective.name"))
        {
            fields.Remove("user.effective");
        }
    }

    private static bool SameValue(FieldMap fields, string path, string other) =>
        fields.GetValueOrDefault(path) is string value && fields.GetValueOrDefault(other) is string otherValue && value == otherValue;

    private static void SetEntity(FieldMap fields, EntityPath path, CoalescedEvent.EcsEntity entity, List<object?>? names, DocumentParts parts)
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
            parts.Put(fields, path.IdSegments, entity.Id);
        }
        else
        {
            fields.Remove(path.Id);
        }

        if (entity.Name is not null)
        {
            parts.Put(fields, path.NameSegments, entity.Name);
            if (names is not null && !names.Contains(entity.Name))
            {
                names.Add(entity.Name);
            }
        }
        else
        {
            fields.Remove(path.Name);
        }
    }

    private static List<object?> Original(AssembledEvent records, DocumentParts parts)
    {
        var lines = parts.List(records.Count);
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
            map[key] = value;
        }
    }

    private static void AddIfSet(FieldMap map, string child, string key, string? value, DocumentParts parts)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Child(map, child)[key] = value;
        }
    }
}
