namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>Turns user and group ids into names and back (<c>resolve_ids</c>). Implementations are thread-safe.</summary>
public interface IIdentityResolver
{
    /// <summary>The user name of <paramref name="uid"/> (decimal text), or null when unknown.</summary>
    string? UserName(string uid);

    /// <summary>The group name of <paramref name="gid"/> (decimal text), or null when unknown.</summary>
    string? GroupName(string gid);

    /// <summary>The uid (decimal text) of user <paramref name="name"/>, or null when unknown.</summary>
    string? UserId(string name);

    /// <summary>The gid (decimal text) of group <paramref name="name"/>, or null when unknown.</summary>
    string? GroupId(string name);
}
