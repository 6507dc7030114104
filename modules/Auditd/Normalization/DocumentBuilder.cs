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
        w.Map(DocumentKeys.Service, Service);
        WriteAuditd(e, ref w);
        if (users.Build(e) is { } user)
        {
            w.Map(DocumentKeys.User, user);
        }

        WriteProcess(e, ref w);
        WriteFile(e, ref w);
        WriteAddress(e.Source, DocumentKeys.Source, ref w);
        WriteAddress(e.Destination, DocumentKeys.Destination, ref w);
        if (e.Direction is not null)
        {
            w.StartObject(DocumentKeys.Network, 1);
            w.String(DocumentKeys.Direction, e.Direction);
            w.EndObject();
        }

        if (e.Tags.Count > 0)
        {
            w.StartArray(DocumentKeys.Tags, e.Tags.Count + 1);
            WriteItems(e.Tags, ref w);
            if (records.Incomplete)
            {
                w.String(IncompleteTag);
            }

            w.EndArray();
        }

        if (warnings)
        {
            w.StartObject(DocumentKeys.Error, 1);
            w.StartArray(DocumentKeys.Message, e.Warnings.Count);
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
            w.StartObject(DocumentKeys.Host, 1);
            w.String(DocumentKeys.Name, node);
            w.EndObject();
        }

        if (records.Incomplete && e.Tags.Count == 0)
        {
            w.StartArray(DocumentKeys.Tags, 1);
            w.String(IncompleteTag);
            w.EndArray();
        }
    }

    private static void WriteEvent<TWriter>(CoalescedEvent e, AssembledEvent records, bool original, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        w.StartObject(DocumentKeys.Event, 8);
        w.String(DocumentKeys.Module, "auditd");
        w.String(DocumentKeys.Kind, "event");
        if (e.EcsCategories.Count > 0)
        {
            w.StartArray(DocumentKeys.Category, e.EcsCategories.Count);
            WriteItems(e.EcsCategories, ref w);
            w.EndArray();
        }

        if (e.EcsTypes.Count > 0)
        {
            w.StartArray(DocumentKeys.Type, e.EcsTypes.Count);
            WriteItems(e.EcsTypes, ref w);
            w.EndArray();
        }

        StringIfSet(DocumentKeys.Action, e.Action, ref w);
        w.String(DocumentKeys.Outcome, e.Result == "fail" ? "failure" : e.Result);
        if (original)
        {
            w.StartArray(DocumentKeys.Original, records.Count);
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
        w.StartObject(DocumentKeys.Auditd, 8);
        w.String(DocumentKeys.MessageType, RecordTypeNames.LowerNameOf(e.Type));
        w.Number(DocumentKeys.Sequence, e.Sequence);
        w.String(DocumentKeys.Result, e.Result);
        if (e.Session is not null && e.Session != "unset")
        {
            w.String(DocumentKeys.Session, e.Session);
        }

        WriteData(e, ref w);
        WriteSummary(e, ref w);
        if (e.Paths.Count > 0)
        {
            w.StartArray(DocumentKeys.Paths, e.Paths.Count);
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
        w.StartObject(DocumentKeys.Data, e.Data.Count + 1);
        var socket = e.Socket.Count > 0;
        foreach (var (key, value) in e.Data)
        {
            if (socket && key.Text == "socket")
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
        w.StartObject(DocumentKeys.Socket, e.Socket.Count);
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

        w.StartObject(DocumentKeys.Summary, 3);
        if (actor)
        {
            w.StartObject(DocumentKeys.Actor, 2);
            StringIfSet(DocumentKeys.Primary, e.ActorPrimary, ref w);
            StringIfSet(DocumentKeys.Secondary, e.ActorSecondary, ref w);
            w.EndObject();
        }

        if (obj)
        {
            w.StartObject(DocumentKeys.Object, 3);
            StringIfSet(DocumentKeys.Primary, e.ObjectPrimary, ref w);
            StringIfSet(DocumentKeys.Secondary, e.ObjectSecondary, ref w);
            StringIfSet(DocumentKeys.Type, e.ObjectType, ref w);
            w.EndObject();
        }

        StringIfSet(DocumentKeys.How, e.How, ref w);
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

        w.StartObject(DocumentKeys.Process, 8);
        if (hasPid)
        {
            w.Number(DocumentKeys.Pid, pid);
        }

        if (hasPpid)
        {
            w.StartObject(DocumentKeys.Parent, 1);
            w.Number(DocumentKeys.Pid, ppid);
            w.EndObject();
        }

        StringIfSet(DocumentKeys.Title, e.ProcessTitle, ref w);
        StringIfSet(DocumentKeys.Name, e.ProcessName, ref w);
        StringIfSet(DocumentKeys.Executable, e.ProcessExecutable, ref w);
        StringIfSet(DocumentKeys.WorkingDirectory, e.ProcessCwd, ref w);
        if (hasArgs)
        {
            w.StartArray(DocumentKeys.Args, e.Args!.Count);
            WriteItems(e.Args!, ref w);
            w.EndArray();
        }

        if (hasCapabilities)
        {
            w.StartObject(DocumentKeys.Thread, 1);
            w.StartObject(DocumentKeys.Capabilities, 2);
            if (e.CapabilitiesEffective is not null)
            {
                w.StartArray(DocumentKeys.Effective, e.CapabilitiesEffective.Count);
                WriteItems(e.CapabilitiesEffective, ref w);
                w.EndArray();
            }

            if (e.CapabilitiesPermitted is not null)
            {
                w.StartArray(DocumentKeys.Permitted, e.CapabilitiesPermitted.Count);
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

        w.StartObject(DocumentKeys.File, 8);
        StringIfSet(DocumentKeys.Path, f.Path, ref w);
        StringIfSet(DocumentKeys.Device, f.Device, ref w);
        StringIfSet(DocumentKeys.Inode, f.Inode, ref w);
        StringIfSet(DocumentKeys.Mode, f.Mode, ref w);
        StringIfSet(DocumentKeys.Uid, f.Uid, ref w);
        StringIfSet(DocumentKeys.Gid, f.Gid, ref w);
        StringIfSet(DocumentKeys.Owner, f.Owner, ref w);
        StringIfSet(DocumentKeys.Group, f.Group, ref w);
        if (f.Selinux.Count > 0)
        {
            w.StartObject(DocumentKeys.Selinux, f.Selinux.Count);
            WriteEntries(f.Selinux, ref w);
            w.EndObject();
        }

        w.EndObject();
    }

    private static void WriteAddress<TWriter>(CoalescedEvent.AddressFields? address, FieldKey key, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        if (address is null)
        {
            return;
        }

        w.StartObject(key, 3);
        StringIfSet(DocumentKeys.Ip, address.Ip, ref w);
        if (int.TryParse(address.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            w.Number(DocumentKeys.Port, port);
        }

        StringIfSet(DocumentKeys.Path, address.Path, ref w);
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

        w.StartObject(DocumentKeys.Group, 2);
        if (group.Id is not null)
        {
            w.String(DocumentKeys.Id, group.Id);
        }

        if (group.Name is not null)
        {
            w.String(DocumentKeys.Name, group.Name);
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
        w.StartObject(DocumentKeys.Related, 1);
        w.StartArray(DocumentKeys.User, names.Count);
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

    private static void WriteEntries<TWriter>(FieldList entries, ref TWriter w)
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

    private static void StringIfSet<TWriter>(FieldKey key, string? value, ref TWriter w)
        where TWriter : struct, IDocumentWriter
    {
        if (!string.IsNullOrEmpty(value))
        {
            w.String(key, value);
        }
    }
}
