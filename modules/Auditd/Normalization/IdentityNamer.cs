using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>Adds names for the ids of an event (<c>resolve_ids</c>): actor, user.*, file owner and group, ECS entities.</summary>
internal sealed class IdentityNamer(IIdentityResolver resolver)
{
    // The last id looked up within the current event: an event's ids are mostly one value (uid, euid, suid … = 1000).
    private string? _lastUid;
    private string? _lastUserName;
    private string? _lastGid;
    private string? _lastGroupName;

    public void Apply(CoalescedEvent e)
    {
        _lastUid = _lastGid = null;
        e.ActorPrimary = UserNameOrSelf(e.ActorPrimary);
        e.ActorSecondary = UserNameOrSelf(e.ActorSecondary);
        foreach (var (key, id) in e.UserIds)
        {
            var name = key.Text.EndsWith("uid", StringComparison.Ordinal) ? User(id) : Group(id);
            if (name is not null)
            {
                e.UserNames.Set(key, name);
            }
        }

        if (e.File is { } file)
        {
            file.Owner = file.Uid is null ? null : User(file.Uid);
            file.Group = file.Gid is null ? null : Group(file.Gid);
        }

        Complete(e.EcsUser, isGroup: false);
        Complete(e.EcsEffective, isGroup: false);
        Complete(e.EcsTarget, isGroup: false);
        Complete(e.EcsChanges, isGroup: false);
        Complete(e.EcsGroup, isGroup: true);
    }

    private string? User(string id)
    {
        if (id == "unset")
        {
            return null;
        }

        if (id != _lastUid)
        {
            _lastUserName = resolver.UserName(id);
            _lastUid = id;
        }

        return _lastUserName;
    }

    private string? Group(string id)
    {
        if (id == "unset")
        {
            return null;
        }

        if (id != _lastGid)
        {
            _lastGroupName = resolver.GroupName(id);
            _lastGid = id;
        }

        return _lastGroupName;
    }

    private string? UserNameOrSelf(string? id) => id is null ? null : User(id) ?? id;

    private void Complete(CoalescedEvent.EcsEntity entity, bool isGroup)
    {
        if (entity.Id is { } id && entity.Name is null)
        {
            entity.Name = isGroup ? Group(id) : User(id);
        }
        else if (entity.Name is { } name && entity.Id is null)
        {
            entity.Id = isGroup ? resolver.GroupId(name) : resolver.UserId(name);
        }
    }
}
