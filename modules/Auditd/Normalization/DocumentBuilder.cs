using System.Globalization;
using System.Text;
using Shipper.Events;
using Shipper.Modules.Auditd.Interpretation;
using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// Writes a coalesced event as an Auditbeat-shaped document, in document order, to a map writer (the pipeline) or a
/// JSON writer (<c>replay --stdout</c>). Generic over the writer so each gets its own compiled copy with direct calls.
/// </summary>
internal static class DocumentBuilder
{
    /// <summary><c>service.type: auditd</c>, the same for every document: one frozen map shared by all (a processor that changes it gets a copy).</summary>
    private static readonly FieldMap Service = new FieldMap(1).Add("type", "auditd").Freeze();

    private const string IncompleteTag = "auditd_incomplete";

    /// <summary>Writes the document's fields (not <c>@timestamp</c>, which is the event's).</summary>
    /// <param name="e">The event's records combined.</param>
    /// <param name="records">The records themselves (for <c>event.original</c>, the node and whether the event is whole).</param>
    /// <param name="options">What documents hold.</param>
    /// <param name="users">Makes (or shares) the <c>user</c> map.</param>
    /// <param name="names">A reused list for <c>related.user</c> (emptied here).</param>
    /// <param name="w">Where the fields go.</param>
    public static void Build<TWriter>(CoalescedEvent e, AssembledEvent records, NormalizerOptions options, UserFields users, List<string> names, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        var warnings = options.IncludeWarnings && e.Warnings.Count > 0;
        WriteEvent(e, records, options.IncludeRawMessage || warnings, ref w);
        w.Map("service", Service);
        WriteAuditd(e, ref w);
        if (users.Build(e) is { } user)
        {
            w.Map("user", user);
        }

        WriteProcess(e, ref w);
        WriteFile(e, ref w);
        WriteAddress(e.Source, "source", ref w);
        WriteAddress(e.Destination, "destination", ref w);
        if (e.Direction is not null)
        {
            w.StartObject("network", 1);
            w.String("direction", e.Direction);
            w.EndObject();
        }

        if (e.Tags.Count > 0)
        {
            w.StartArray("tags", e.Tags.Count + 1);
            WriteItems(e.Tags, ref w);
            if (records.Incomplete)
            {
                w.String(IncompleteTag);
            }

            w.EndArray();
        }

        if (warnings)
        {
            w.StartObject("error", 1);
            w.StartArray("message", e.Warnings.Count);
            WriteItems(e.Warnings, ref w);
            w.EndArray();
            w.EndObject();
        }

        WriteGroup(e.EcsGroup, ref w);
        if (options.Identities is not null)
        {
            WriteRelatedUsers(e, names, ref w);
        }

        if (records.Node is { } node)
        {
            w.StartObject("host", 1);
            w.String("name", node);
            w.EndObject();
        }

        if (records.Incomplete && e.Tags.Count == 0)
        {
            w.StartArray("tags", 1);
            w.String(IncompleteTag);
            w.EndArray();
        }
    }

    private static void WriteEvent<TWriter>(CoalescedEvent e, AssembledEvent records, bool original, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        w.StartObject("event", 8);
        w.String("module", "auditd");
        w.String("kind", "event");
        if (e.EcsCategories.Count > 0)
        {
            w.StartArray("category", e.EcsCategories.Count);
            WriteItems(e.EcsCategories, ref w);
            w.EndArray();
        }

        if (e.EcsTypes.Count > 0)
        {
            w.StartArray("type", e.EcsTypes.Count);
            WriteItems(e.EcsTypes, ref w);
            w.EndArray();
        }

        StringIfSet("action", e.Action, ref w);
        w.String("outcome", e.Result == "fail" ? "failure" : e.Result);
        if (original)
        {
            w.StartArray("original", records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                var raw = records.RawAt(i);
                w.String(records.FromLog
                    ? Encoding.UTF8.GetString(raw.TrimEnd("\r\n"u8))
                    : $"type={RecordTypeNames.NameOf(records.TypeAt(i))} msg={Encoding.UTF8.GetString(raw)}");
            }

            w.EndArray();
        }

        w.EndObject();
    }

    private static void WriteAuditd<TWriter>(CoalescedEvent e, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        w.StartObject("auditd", 8);
        w.String("message_type", RecordTypeNames.LowerNameOf(e.Type));
        w.Number("sequence", e.Sequence);
        w.String("result", e.Result);
        if (e.Session is not null && e.Session != "unset")
        {
            w.String("session", e.Session);
        }

        WriteData(e, ref w);
        WriteSummary(e, ref w);
        if (e.Paths.Count > 0)
        {
            w.StartArray("paths", e.Paths.Count);
            foreach (var path in e.Paths)
            {
                w.StartObject(path.Count);
                WriteEntries(path, ref w);
                w.EndObject();
            }

            w.EndArray();
        }

        w.EndObject();
    }

    /// <summary><c>auditd.data</c>: the records' other fields, and the SOCKADDR record's as <c>socket</c> (in place of a field of that name).</summary>
    private static void WriteData<TWriter>(CoalescedEvent e, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        w.StartObject("data", e.Data.Count + 1);
        var socket = e.Socket.Count > 0;
        foreach (var (key, value) in e.Data)
        {
            if (socket && key == "socket")
            {
                WriteSocket(e, ref w);
                socket = false;
            }
            else
            {
                w.String(key, value);
            }
        }

        if (socket)
        {
            WriteSocket(e, ref w);
        }

        w.EndObject();
    }

    private static void WriteSocket<TWriter>(CoalescedEvent e, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        w.StartObject("socket", e.Socket.Count);
        WriteEntries(e.Socket, ref w);
        w.EndObject();
    }

    private static void WriteSummary<TWriter>(CoalescedEvent e, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        var actor = !string.IsNullOrEmpty(e.ActorPrimary) || !string.IsNullOrEmpty(e.ActorSecondary);
        var obj = !string.IsNullOrEmpty(e.ObjectPrimary) || !string.IsNullOrEmpty(e.ObjectSecondary) || !string.IsNullOrEmpty(e.ObjectType);
        if (!actor && !obj && string.IsNullOrEmpty(e.How))
        {
            return;
        }

        w.StartObject("summary", 3);
        if (actor)
        {
            w.StartObject("actor", 2);
            StringIfSet("primary", e.ActorPrimary, ref w);
            StringIfSet("secondary", e.ActorSecondary, ref w);
            w.EndObject();
        }

        if (obj)
        {
            w.StartObject("object", 3);
            StringIfSet("primary", e.ObjectPrimary, ref w);
            StringIfSet("secondary", e.ObjectSecondary, ref w);
            StringIfSet("type", e.ObjectType, ref w);
            w.EndObject();
        }

        StringIfSet("how", e.How, ref w);
        w.EndObject();
    }

    private static void WriteProcess<TWriter>(CoalescedEvent e, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        var hasPid = int.TryParse(e.ProcessPid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid);
        var hasPpid = int.TryParse(e.ProcessPpid, NumberStyles.None, CultureInfo.InvariantCulture, out var ppid);
        var hasArgs = e.Args is { Count: > 0 };
        var hasCapabilities = e.CapabilitiesEffective is not null || e.CapabilitiesPermitted is not null;
        if (!hasPid && !hasPpid && !hasArgs && !hasCapabilities && string.IsNullOrEmpty(e.ProcessTitle) && string.IsNullOrEmpty(e.ProcessName)
            && string.IsNullOrEmpty(e.ProcessExecutable) && string.IsNullOrEmpty(e.ProcessCwd))
        {
            return;
        }

        w.StartObject("process", 8);
        if (hasPid)
        {
            w.Number("pid", pid);
        }

        if (hasPpid)
        {
            w.StartObject("parent", 1);
            w.Number("pid", ppid);
            w.EndObject();
        }

        StringIfSet("title", e.ProcessTitle, ref w);
        StringIfSet("name", e.ProcessName, ref w);
        StringIfSet("executable", e.ProcessExecutable, ref w);
        StringIfSet("working_directory", e.ProcessCwd, ref w);
        if (hasArgs)
        {
            w.StartArray("args", e.Args!.Count);
            WriteItems(e.Args!, ref w);
            w.EndArray();
        }

        if (hasCapabilities)
        {
            w.StartObject("thread", 1);
            w.StartObject("capabilities", 2);
            if (e.CapabilitiesEffective is not null)
            {
                w.StartArray("effective", e.CapabilitiesEffective.Count);
                WriteItems(e.CapabilitiesEffective, ref w);
                w.EndArray();
            }

            if (e.CapabilitiesPermitted is not null)
            {
                w.StartArray("permitted", e.CapabilitiesPermitted.Count);
                WriteItems(e.CapabilitiesPermitted, ref w);
                w.EndArray();
            }

            w.EndObject();
            w.EndObject();
        }

        w.EndObject();
    }

    private static void WriteFile<TWriter>(CoalescedEvent e, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        if (e.File is not { } f)
        {
            return;
        }

        w.StartObject("file", 8);
        StringIfSet("path", f.Path, ref w);
        StringIfSet("device", f.Device, ref w);
        StringIfSet("inode", f.Inode, ref w);
        StringIfSet("mode", f.Mode, ref w);
        StringIfSet("uid", f.Uid, ref w);
        StringIfSet("gid", f.Gid, ref w);
        StringIfSet("owner", f.Owner, ref w);
        StringIfSet("group", f.Group, ref w);
        if (f.Selinux.Count > 0)
        {
            w.StartObject("selinux", f.Selinux.Count);
            WriteEntries(f.Selinux, ref w);
            w.EndObject();
        }

        w.EndObject();
    }

    private static void WriteAddress<TWriter>(CoalescedEvent.AddressFields? address, string key, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        if (address is null)
        {
            return;
        }

        w.StartObject(key, 3);
        StringIfSet("ip", address.Ip, ref w);
        if (int.TryParse(address.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            w.Number("port", port);
        }

        StringIfSet("path", address.Path, ref w);
        w.EndObject();
    }

    /// <summary>The group entity at the document's root: <c>group.id</c>, <c>group.name</c> (nothing when it is unset).</summary>
    private static void WriteGroup<TWriter>(CoalescedEvent.EcsEntity group, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        if (group.Unset || (group.Id is null && group.Name is null))
        {
            return;
        }

        w.StartObject("group", 2);
        if (group.Id is not null)
        {
            w.String("id", group.Id);
        }

        if (group.Name is not null)
        {
            w.String("name", group.Name);
        }

        w.EndObject();
    }

    /// <summary><c>related.user</c>: the names of the users the event is about, once each, sorted.</summary>
    private static void WriteRelatedUsers<TWriter>(CoalescedEvent e, List<string> names, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        names.Clear();
        AddName(names, e.EcsUser);
        AddName(names, e.EcsEffective);
        AddName(names, e.EcsTarget);
        AddName(names, e.EcsChanges);
        if (names.Count == 0)
        {
            return;
        }

        names.Sort(StringComparer.Ordinal);
        w.StartObject("related", 1);
        w.StartArray("user", names.Count);
        WriteItems(names, ref w);
        w.EndArray();
        w.EndObject();
    }

    private static void AddName(List<string> names, CoalescedEvent.EcsEntity entity)
    {
        if (!entity.Unset && entity.Name is { } name && !names.Contains(name))
        {
            names.Add(name);
        }
    }

    private static void WriteEntries<TWriter>(Dictionary<string, string> entries, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        foreach (var (key, value) in entries)
        {
            w.String(key, value);
        }
    }

    private static void WriteItems<TWriter>(List<string> items, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        foreach (var item in items)
        {
            w.String(item);
        }
    }

    private static void StringIfSet<TWriter>(string key, string? value, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        if (!string.IsNullOrEmpty(value))
        {
            w.String(key, value);
        }
    }
}
