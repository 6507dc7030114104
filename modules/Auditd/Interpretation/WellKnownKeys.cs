using System.Collections.Frozen;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>
/// The field names the engine looks up in every event (<c>syscall</c>, <c>exe</c>, a path's <c>name</c> and
/// <c>mode</c> …). Each has one key instance: <see cref="FieldKey.Of"/> and so the key table give out this instance
/// for its name and never another, so a <see cref="FieldList"/> finds these names by reference, without comparing
/// text. The set is fixed when the type is first used.
/// </summary>
internal static class WellKnownKeys
{
    public static readonly FieldKey Syscall = FieldKey.Canonical("syscall");

    public static readonly FieldKey Exe = FieldKey.Canonical("exe");

    public static readonly FieldKey Comm = FieldKey.Canonical("comm");

    public static readonly FieldKey Auid = FieldKey.Canonical("auid");

    public static readonly FieldKey Uid = FieldKey.Canonical("uid");

    public static readonly FieldKey Items = FieldKey.Canonical("items");

    public static readonly FieldKey Pid = FieldKey.Canonical("pid");

    public static readonly FieldKey Ppid = FieldKey.Canonical("ppid");

    public static readonly FieldKey Proctitle = FieldKey.Canonical("proctitle");

    public static readonly FieldKey Cwd = FieldKey.Canonical("cwd");

    public static readonly FieldKey Nametype = FieldKey.Canonical("nametype");

    public static readonly FieldKey Objtype = FieldKey.Canonical("objtype");

    public static readonly FieldKey Name = FieldKey.Canonical("name");

    public static readonly FieldKey Inode = FieldKey.Canonical("inode");

    public static readonly FieldKey Dev = FieldKey.Canonical("dev");

    public static readonly FieldKey Ouid = FieldKey.Canonical("ouid");

    public static readonly FieldKey Ogid = FieldKey.Canonical("ogid");

    public static readonly FieldKey Mode = FieldKey.Canonical("mode");

    public static readonly FieldKey Addr = FieldKey.Canonical("addr");

    public static readonly FieldKey Port = FieldKey.Canonical("port");

    public static readonly FieldKey Path = FieldKey.Canonical("path");

    public static readonly FieldKey CapPe = FieldKey.Canonical("cap_pe");

    public static readonly FieldKey CapPp = FieldKey.Canonical("cap_pp");

    public static readonly FieldKey NewPe = FieldKey.Canonical("new_pe");

    public static readonly FieldKey NewPp = FieldKey.Canonical("new_pp");

    private static readonly FrozenDictionary<string, FieldKey> ByName =
        new[] { Syscall, Exe, Comm, Auid, Uid, Items, Pid, Ppid, Proctitle, Cwd, Nametype, Objtype, Name, Inode, Dev, Ouid, Ogid, Mode, Addr, Port, Path, CapPe, CapPp, NewPe, NewPp }.ToFrozenDictionary(key => key.Text, StringComparer.Ordinal);

    /// <summary>The well-known key named <paramref name="text"/>, or null.</summary>
    public static FieldKey? Find(string text) => ByName.GetValueOrDefault(text);
}
