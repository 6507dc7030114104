using Shipper.Modules.Auditd.Interpretation;
using Shipper.Modules.Auditd.Parsing;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// One event's records combined (the intermediate form between records and the document). One instance is reused
/// for every event of a coalescer (<see cref="Reset"/>), so its field lists keep their capacity instead of growing
/// again for each event; the document builder copies what it keeps. Not thread-safe.
/// </summary>
internal sealed class CoalescedEvent
{
    private readonly List<FieldList> _sparePaths = [];
    private readonly FileInfoFields _file = new();

    public ushort Type { get; set; }

    public uint Sequence { get; set; }

    public AuditTimestamp Timestamp { get; set; }

    public string Result { get; set; } = "unknown";

    public string? Session { get; set; }

    public List<string> Tags { get; } = [];

    public FieldList Data { get; } = new(32);

    /// <summary>The SOCKADDR record's fields (family, addr, port, path …), written as <c>auditd.data.socket</c>.</summary>
    public FieldList Socket { get; } = new(8);

    /// <summary>Keys ending in uid/gid of the main record (auid, uid, euid, …, old-auid).</summary>
    public FieldList UserIds { get; } = new();

    public FieldList UserNames { get; } = new();

    public FieldList UserSelinux { get; } = new(8);

    public List<FieldList> Paths { get; } = [];

    public List<string>? Args { get; set; }

    public string? ActorPrimary { get; set; }

    public string? ActorSecondary { get; set; }

    public string? Action { get; set; }

    public string? ObjectType { get; set; }

    public string? ObjectPrimary { get; set; }

    public string? ObjectSecondary { get; set; }

    public string? How { get; set; }

    /// <summary>The file the event is about (from a PATH record), or null; set with <see cref="UseFile"/>.</summary>
    public FileInfoFields? File { get; private set; }

    public AddressFields? Source { get; set; }

    public AddressFields? Destination { get; set; }

    public string? Direction { get; set; }

    public string? ProcessPid { get; set; }

    public string? ProcessPpid { get; set; }

    public string? ProcessTitle { get; set; }

    public string? ProcessName { get; set; }

    public string? ProcessExecutable { get; set; }

    public string? ProcessCwd { get; set; }

    public List<string>? CapabilitiesEffective { get; set; }

    public List<string>? CapabilitiesPermitted { get; set; }

    public List<string> EcsCategories { get; } = [];

    public List<string> EcsTypes { get; } = [];

    public EcsEntity EcsUser { get; } = new();

    public EcsEntity EcsEffective { get; } = new();

    public EcsEntity EcsTarget { get; } = new();

    public EcsEntity EcsChanges { get; } = new();

    public EcsEntity EcsGroup { get; } = new();

    public List<string> Warnings { get; } = [];

    /// <summary>An empty field list for one more PATH record, added to <see cref="Paths"/> (reused across events).</summary>
    public FieldList AddPath()
    {
        FieldList path;
        if (_sparePaths.Count > 0)
        {
            path = _sparePaths[^1];
            _sparePaths.RemoveAt(_sparePaths.Count - 1);
        }
        else
        {
            path = new FieldList(16);
        }

        Paths.Add(path);
        return path;
    }

    /// <summary>Gives the event its (empty) file fields, one instance reused across events.</summary>
    public FileInfoFields UseFile()
    {
        _file.Clear();
        File = _file;
        return _file;
    }

    /// <summary>Empties every field for the next event, keeping the lists' capacity.</summary>
    public void Reset(uint sequence, AuditTimestamp timestamp)
    {
        Type = 0;
        Sequence = sequence;
        Timestamp = timestamp;
        Result = "unknown";
        Session = null;
        Tags.Clear();
        Data.Clear();
        Socket.Clear();
        UserIds.Clear();
        UserNames.Clear();
        UserSelinux.Clear();
        foreach (var path in Paths)
        {
            path.Clear();
            _sparePaths.Add(path);
        }

        Paths.Clear();
        Args = null;
        ActorPrimary = ActorSecondary = Action = ObjectType = ObjectPrimary = ObjectSecondary = How = null;
        File = null;
        Source = Destination = null;
        Direction = null;
        ProcessPid = ProcessPpid = ProcessTitle = ProcessName = ProcessExecutable = ProcessCwd = null;
        CapabilitiesEffective = CapabilitiesPermitted = null;
        EcsCategories.Clear();
        EcsTypes.Clear();
        EcsUser.Clear();
        EcsEffective.Clear();
        EcsTarget.Clear();
        EcsChanges.Clear();
        EcsGroup.Clear();
        Warnings.Clear();
    }

    internal sealed class FileInfoFields
    {
        public string? Path { get; set; }

        public string? Device { get; set; }

        public string? Inode { get; set; }

        public string? Mode { get; set; }

        public string? Uid { get; set; }

        public string? Gid { get; set; }

        public string? Owner { get; set; }

        public string? Group { get; set; }

        public FieldList Selinux { get; } = new(8);

        public void Clear()
        {
            Path = Device = Inode = Mode = Uid = Gid = Owner = Group = null;
            Selinux.Clear();
        }
    }

    internal sealed class AddressFields
    {
        public string? Ip { get; set; }

        public string? Port { get; set; }

        public string? Path { get; set; }
    }

    internal sealed class EcsEntity
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        /// <summary>True when the value was the unset id: the entity is known to be nobody.</summary>
        public bool Unset { get; private set; }

        public void Clear()
        {
            Id = null;
            Name = null;
            Unset = false;
        }

        /// <summary>
        /// Sets the entity from an actor or field value: a number is an id, other text a name; <c>unset</c> and the
        /// unset id (4294967295, -1) mark it unset; empty leaves it alone.
        /// </summary>
        public void Set(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            Id = null;
            Name = null;
            Unset = value is "unset" or "4294967295" or "-1";
            if (Unset)
            {
                return;
            }

            if (ulong.TryParse(value, out _))
            {
                Id = value;
            }
            else
            {
                Name = value;
            }
        }
    }
}
