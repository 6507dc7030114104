using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>The names <see cref="DocumentBuilder"/> gives a document's own fields, each made (and encoded as JSON) once.</summary>
internal static class DocumentKeys
{
    public static readonly FieldKey Action = new("action");

    public static readonly FieldKey Actor = new("actor");

    public static readonly FieldKey Args = new("args");

    public static readonly FieldKey Auditd = new("auditd");

    public static readonly FieldKey Capabilities = new("capabilities");

    public static readonly FieldKey Category = new("category");

    public static readonly FieldKey Data = new("data");

    public static readonly FieldKey Destination = new("destination");

    public static readonly FieldKey Device = new("device");

    public static readonly FieldKey Direction = new("direction");

    public static readonly FieldKey Effective = new("effective");

    public static readonly FieldKey Error = new("error");

    public static readonly FieldKey Event = new("event");

    public static readonly FieldKey Executable = new("executable");

    public static readonly FieldKey File = new("file");

    public static readonly FieldKey Gid = new("gid");

    public static readonly FieldKey Group = new("group");

    public static readonly FieldKey Host = new("host");

    public static readonly FieldKey How = new("how");

    public static readonly FieldKey Id = new("id");

    public static readonly FieldKey Inode = new("inode");

    public static readonly FieldKey Ip = new("ip");

    public static readonly FieldKey Kind = new("kind");

    public static readonly FieldKey Message = new("message");

    public static readonly FieldKey MessageType = new("message_type");

    public static readonly FieldKey Mode = new("mode");

    public static readonly FieldKey Module = new("module");

    public static readonly FieldKey Name = new("name");

    public static readonly FieldKey Network = new("network");

    public static readonly FieldKey Object = new("object");

    public static readonly FieldKey Original = new("original");

    public static readonly FieldKey Outcome = new("outcome");

    public static readonly FieldKey Owner = new("owner");

    public static readonly FieldKey Parent = new("parent");

    public static readonly FieldKey Path = new("path");

    public static readonly FieldKey Paths = new("paths");

    public static readonly FieldKey Permitted = new("permitted");

    public static readonly FieldKey Pid = new("pid");

    public static readonly FieldKey Port = new("port");

    public static readonly FieldKey Primary = new("primary");

    public static readonly FieldKey Process = new("process");

    public static readonly FieldKey Related = new("related");

    public static readonly FieldKey Result = new("result");

    public static readonly FieldKey Secondary = new("secondary");

    public static readonly FieldKey Selinux = new("selinux");

    public static readonly FieldKey Sequence = new("sequence");

    public static readonly FieldKey Service = new("service");

    public static readonly FieldKey Session = new("session");

    public static readonly FieldKey Socket = new("socket");

    public static readonly FieldKey Source = new("source");

    public static readonly FieldKey Summary = new("summary");

    public static readonly FieldKey Tags = new("tags");

    public static readonly FieldKey Thread = new("thread");

    public static readonly FieldKey Title = new("title");

    public static readonly FieldKey Type = new("type");

    public static readonly FieldKey Uid = new("uid");

    public static readonly FieldKey User = new("user");

    public static readonly FieldKey WorkingDirectory = new("working_directory");
}
