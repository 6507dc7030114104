using System.Collections.Frozen;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>Where Auditbeat puts ids and names: the paths under <c>user</c> of each id field and of each ECS entity, made once.</summary>
internal static class UserPaths
{
    /// <summary>The acting user: <c>user.id</c>, <c>user.name</c>.</summary>
    public static readonly Entity Acting = new("id", "name");

    /// <summary><c>user.effective.*</c>.</summary>
    public static readonly Entity Effective = new("effective.id", "effective.name");

    /// <summary><c>user.target.*</c>.</summary>
    public static readonly Entity Target = new("target.id", "target.name");

    /// <summary><c>user.changes.*</c>.</summary>
    public static readonly Entity Changes = new("changes.id", "changes.name");

    private static readonly FrozenDictionary<string, (string Id, string Name)> Known =
        ((string[])["uid", "gid", "euid", "egid", "suid", "sgid", "fsuid", "fsgid", "auid", "ouid", "ogid", "old-auid", "inode_uid", "inode_gid", "new-auid", "old-uid", "new-uid"])
            .ToFrozenDictionary(key => key, Make, StringComparer.Ordinal);

    /// <summary>The dotted id and name paths under <c>user</c> for an id field.</summary>
    public static (string Id, string Name) Of(string key) => Known.TryGetValue(key, out var paths) ? paths : Make(key);

    /// <summary>uid → user, gid → user.group, euid → user.effective, egid → user.effective.group, … any other → its own name.</summary>
    private static string Prefix(string key) => key switch
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

    private static (string Id, string Name) Make(string key) => (Prefix(key) + "id", Prefix(key) + "name");

    /// <summary>An entity's dotted id and name paths.</summary>
    internal sealed class Entity(string id, string name)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;
    }
}
