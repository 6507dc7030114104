namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>
/// Resolves ids through <c>/etc/passwd</c> and <c>/etc/group</c>, re-reading a file within a second of it changing
/// (a user added with useradd is resolved from the next event on). Directory services (LDAP, sssd) are not asked:
/// a lookup must never block the event stream.
/// </summary>
public sealed class EtcIdentityResolver : IIdentityResolver
{
    private readonly AccountFile _users;
    private readonly AccountFile _groups;

    /// <summary>Reads the system's files.</summary>
    public EtcIdentityResolver()
        : this("/etc/passwd", "/etc/group", TimeProvider.System)
    {
    }

    /// <summary>Reads the given files (for tests and chroots).</summary>
    public EtcIdentityResolver(string passwdPath, string groupPath, TimeProvider time)
    {
        _users = new AccountFile(passwdPath, time);
        _groups = new AccountFile(groupPath, time);
    }

    public string? UserName(string uid) => _users.NameOf(uid);

    public string? GroupName(string gid) => _groups.NameOf(gid);

    public string? UserId(string name) => _users.IdOf(name);

    public string? GroupId(string name) => _groups.IdOf(name);
}
