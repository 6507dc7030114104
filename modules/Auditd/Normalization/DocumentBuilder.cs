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
    public static void Build(CoalescedEvent e, AssembledEvent records, NormalizerOptions options, DocumentParts parts, UserFields users, FieldMap fields)
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
        if (users.Build(e) is { } user)
        {
            fields.Add("user", user);
        }

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

        var data = parts.Map(e.Data.Count + 1);
        foreach (var (key, value) in e.Data)
        {
            data.Add(key, value);
        }

        if (e.Socket.Count > 0)
        {
            var socket = parts.Map(e.Socket.Count);
            foreach (var (key, value) in e.Socket)
            {
                socket.Add(key, value);
            }

            data.Add("socket", socket);
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
        UserFields.SetEntity(fields, UserPaths.Group, e.EcsGroup, parts);
        if (!related)
        {
            return;
        }

        List<object?>? names = null;
        AddName(ref names, e.EcsUser, parts);
        AddName(ref names, e.EcsEffective, parts);
        AddName(ref names, e.EcsTarget, parts);
        AddName(ref names, e.EcsChanges, parts);
        if (names is not null)
        {
            names.Sort(static (a, b) => string.CompareOrdinal((string?)a, (string?)b));
            parts.Put(fields, RelatedUser, names);
        }
    }

    /// <summary><c>related.user</c>: the names of the users the event is about, once each.</summary>
    private static void AddName(ref List<object?>? names, CoalescedEvent.EcsEntity entity, DocumentParts parts)
    {
        if (!entity.Unset && entity.Name is { } name && names?.Contains(name) != true)
        {
            (names ??= parts.List(4)).Add(name);
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
