using Shipper.Events;
using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// Builds an event's <c>user</c> map: the ids of its main record (uid → <c>user.id</c>, egid →
/// <c>user.effective.group.id</c> …), their names, the subject's SELinux context, then the ECS entities (the acting,
/// effective, target and changed user), leaving out <c>user.effective</c> when it says the same as <c>user</c>.
/// Events of the same few processes and sessions mostly have the same users, so the maps of the last
/// <see cref="Recent"/> different user fields are kept, frozen, and shared by the events whose user fields are the
/// same (a processor that changes one gets its own copy). Not thread-safe.
/// </summary>
internal sealed class UserFields
{
    /// <summary>How many different sets of user fields are remembered (events of a few processes interleave).</summary>
    private const int Recent = 8;

    private readonly List<KeyValuePair<string, string>>[] _recentInputs = new List<KeyValuePair<string, string>>[Recent];
    private readonly FieldMap?[] _recentMaps = new FieldMap?[Recent];
    private readonly List<KeyValuePair<string, string>> _inputs = [];
    private int _newest;

    public UserFields()
    {
        for (var i = 0; i < Recent; i++)
        {
            _recentInputs[i] = [];
        }
    }

    /// <summary>The <c>user</c> map for <paramref name="e"/> (read-only, possibly shared), or null when it has none.</summary>
    public FieldMap? Build(CoalescedEvent e)
    {
        _inputs.Clear();
        AddFields(e.UserIds);
        _inputs.Add(default);
        AddFields(e.UserNames);
        _inputs.Add(default);
        AddFields(e.UserSelinux);
        AddEntity(e.EcsUser);
        AddEntity(e.EcsEffective);
        AddEntity(e.EcsTarget);
        AddEntity(e.EcsChanges);
        for (var age = 0; age < Recent; age++)
        {
            var slot = (_newest - age + Recent) % Recent;
            if (_recentMaps[slot] is { } known && Same(_inputs, _recentInputs[slot]))
            {
                return known.Count > 0 ? known : null;
            }
        }

        _newest = (_newest + 1) % Recent;
        var map = Make(e).Freeze();
        _recentMaps[_newest] = map;
        _recentInputs[_newest].Clear();
        _recentInputs[_newest].AddRange(_inputs);
        return map.Count > 0 ? map : null;
    }

    private void AddFields(FieldList fields)
    {
        foreach (var (key, value) in fields)
        {
            _inputs.Add(new KeyValuePair<string, string>(key.Text, value));
        }
    }

    private void AddEntity(CoalescedEvent.EcsEntity entity) =>
        _inputs.Add(new KeyValuePair<string, string>(entity.Unset ? "\0unset" : entity.Id ?? string.Empty, entity.Name ?? string.Empty));

    private static bool Same(List<KeyValuePair<string, string>> inputs, List<KeyValuePair<string, string>> last)
    {
        if (inputs.Count != last.Count)
        {
            return false;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (!string.Equals(inputs[i].Key, last[i].Key, StringComparison.Ordinal) || !string.Equals(inputs[i].Value, last[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static FieldMap Make(CoalescedEvent e)
    {
        var user = new FieldMap(12);
        foreach (var (key, id) in e.UserIds)
        {
            if (id != "unset")
            {
                user.Put(UserPaths.Of(key.Text).Id, id);
            }
        }

        foreach (var (key, name) in e.UserNames)
        {
            user.Put(UserPaths.Of(key.Text).Name, name);
        }

        if (e.UserSelinux.Count > 0 && user.Count > 0)
        {
            var selinux = new FieldMap(e.UserSelinux.Count);
            foreach (var (key, value) in e.UserSelinux)
            {
                selinux.Add(key.Text, value);
            }

            user.Add("selinux", selinux);
        }

        SetEntity(user, UserPaths.Acting, e.EcsUser);
        SetEntity(user, UserPaths.Effective, e.EcsEffective);
        SetEntity(user, UserPaths.Target, e.EcsTarget);
        SetEntity(user, UserPaths.Changes, e.EcsChanges);

        // user.effective that says the same as user is left out.
        if (SameValue(user, "id", "effective.id") || SameValue(user, "name", "effective.name"))
        {
            user.Remove("effective");
        }

        return user;
    }

    private static bool SameValue(FieldMap user, string path, string other) =>
        user.GetValueOrDefault(path) is string value && user.GetValueOrDefault(other) is string otherValue && value == otherValue;

    /// <summary>Sets an entity's id and name in <paramref name="map"/>: an unset entity removes both; a known one replaces both.</summary>
    private static void SetEntity(FieldMap map, UserPaths.Entity path, CoalescedEvent.EcsEntity entity)
    {
        if (entity.Unset)
        {
            // The user is known to be nobody (an unset audit uid): what the ids said about it is dropped.
            map.Remove(path.Id);
            map.Remove(path.Name);
            return;
        }

        if (entity.Id is null && entity.Name is null)
        {
            return;
        }

        if (entity.Id is not null)
        {
            map.Put(path.Id, entity.Id);
        }
        else
        {
            map.Remove(path.Id);
        }

        if (entity.Name is not null)
        {
            map.Put(path.Name, entity.Name);
        }
        else
        {
            map.Remove(path.Name);
        }
    }
}
