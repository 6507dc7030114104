using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>Adds names for the ids of an event (<c>resolve_ids</c>): actor, user.*, file owner and group, ECS entities.</summary>
internal sealed class IdentityNamer(IIdentityResolver resolver)
{
    public void Apply(CoalescedEvent e)
    {
        e.ActorPrimary = UserNameOrSelf(e.ActorPrimary);
        e.ActorSecondary = UserNameOrSelf(e.ActorSecondary);
        foreach (var (key, id) in e.UserIds)
        {
            var name = key.EndsWith("uid", StringComparison.Ordinal) ? User(id) : Group(id);
            if (name is not null)
            {
                e.UserNames[key] = name;
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

    private string? User(string id) => id == "unset" ? null : resolver.UserName(id);

    private string? Group(string id) => id == "unset" ? null : resolver.GroupName(id);

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
