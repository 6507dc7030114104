using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>The names <see cref="DocumentBuilder"/> gives a document's own fields, each made (and encoded as JSON) once.</summary>
internal static class DocumentKeys
{
    public static readonly FieldKey Action = FieldKey.Of("action");

    public static readonly FieldKey Actor = FieldKey.Of("actor");

    public static readonly FieldKey Args = FieldKey.Of("args");

    public static readonly FieldKey Auditd = FieldKey.Of("auditd");

    public static readonly FieldKey Capabilities = FieldKey.Of("capabilities");

    public static readonly FieldKey Category = FieldKey.Of("category");

    public static readonly FieldKey Data = FieldKey.Of("data");

    public static readonly FieldKey Destination = FieldKey.Of("destination");

    public static readonly FieldKey Device = FieldKey.Of("device");

    public static readonly FieldKey Direction = FieldKey.Of("direction");

    public static readonly FieldKey Effective = FieldKey.Of("effective");

    public static readonly FieldKey Error = FieldKey.Of("error");

    public static readonly FieldKey Event = FieldKey.Of("event");

    public static readonly FieldKey Executable = FieldKey.Of("executable");

    public static readonly FieldKey File = FieldKey.Of("file");

    public static readonly FieldKey Gid = FieldKey.Of("gid");

    public static readonly FieldKey Group = FieldKey.Of("group");

    public static readonly FieldKey Host = FieldKey.Of("host");

    public static readonly FieldKey How = FieldKey.Of("how");

    public static readonly FieldKey Id = FieldKey.Of("id");

    public static readonly FieldKey Inode = FieldKey.Of("inode");

    public static readonly FieldKey Ip = FieldKey.Of("ip");

    public static readonly FieldKey Kind = FieldKey.Of("kind");

    public static readonly FieldKey Message = FieldKey.Of("message");

    public static readonly FieldKey MessageType = FieldKey.Of("message_type");

    public static readonly FieldKey Mode = FieldKey.Of("mode");

    public static readonly FieldKey Module = FieldKey.Of("module");

    public static readonly FieldKey Name = FieldKey.Of("name");

    public static readonly FieldKey Network = FieldKey.Of("network");

    public static readonly FieldKey Object = FieldKey.Of("object");

    public static readonly FieldKey Original = FieldKey.Of("original");

    public static readonly FieldKey Outcome = FieldKey.Of("outcome");

    public static readonly FieldKey Owner = FieldKey.Of("owner");

    public static readonly FieldKey Parent = FieldKey.Of("parent");

    public static readonly FieldKey Path = FieldKey.Of("path");

    public static readonly FieldKey Paths = FieldKey.Of("paths");

    public static readonly FieldKey Permitted = FieldKey.Of("permitted");

    public static readonly FieldKey Pid = FieldKey.Of("pid");

    public static readonly FieldKey Port = FieldKey.Of("port");

    public static readonly FieldKey Primary = FieldKey.Of("primary");

    public static readonly FieldKey Process = FieldKey.Of("process");

    public static readonly FieldKey Related = FieldKey.Of("related");

    public static readonly FieldKey Result = FieldKey.Of("result");

    public static readonly FieldKey Secondary = FieldKey.Of("secondary");

    public static readonly FieldKey Selinux = FieldKey.Of("selinux");

    public static readonly FieldKey Sequence = FieldKey.Of("sequence");

    public static readonly FieldKey Service = FieldKey.Of("service");

    public static readonly FieldKey Session = FieldKey.Of("session");

    public static readonly FieldKey Socket = FieldKey.Of("socket");

    public static readonly FieldKey Source = FieldKey.Of("source");

    public static readonly FieldKey Summary = FieldKey.Of("summary");

    public static readonly FieldKey Tags = FieldKey.Of("tags");

    public static readonly FieldKey Thread = FieldKey.Of("thread");

    public static readonly FieldKey Title = FieldKey.Of("title");

    public static readonly FieldKey Type = FieldKey.Of("type");

    public static readonly FieldKey Uid = FieldKey.Of("uid");

    public static readonly FieldKey User = FieldKey.Of("user");

    public static readonly FieldKey WorkingDirectory = FieldKey.Of("working_directory");
}
