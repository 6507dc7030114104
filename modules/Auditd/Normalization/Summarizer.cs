using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// Applies the normalization table: the action, actor, object and how of the summary, the file object from the
/// PATH records, the socket object, the source of user-space logins, the ECS category and type, and the ECS user
/// and group entities. A record-type rule is chosen by its <c>has_fields</c> when several exist; a syscall's
/// categories are added to a non-SYSCALL event's.
/// </summary>
internal sealed class Summarizer(NormalizationTable table)
{
    private static readonly string[] InterpreterPrefixes = ["/usr/bin/python", "/usr/bin/sh", "/usr/bin/bash", "/usr/bin/perl", "/bin/sh", "/bin/bash"];

    public void Apply(CoalescedEvent e)
    {
        SetHowDefault(e);
        var syscallRule = e.Data.TryGetValue(WellKnownKeys.Syscall, out var syscall) ? table.ForSyscall(syscall) : null;
        var rule = e.Type == Parsing.RecordTypes.Syscall ? syscallRule : RecordTypeRule(e);
        if (rule is null)
        {
            e.Warnings.Add("no normalization found for event");
            return;
        }

        e.EcsCategories.AddRange(rule.EcsCategory);
        e.EcsTypes.AddRange(rule.EcsType);
        if (syscallRule is not null && syscallRule != rule)
        {
            AddMissing(e.EcsCategories, syscallRule.EcsCategory);
            AddMissing(e.EcsTypes, syscallRule.EcsType);
        }

        e.Action = rule.Action;
        e.ObjectType = rule.ObjectType;
        if (rule.ObjectType is "file" or "filesystem")
        {
            SetFileObject(e, rule.ObjectPathIndex);
        }
        else if (rule.ObjectType == "socket")
        {
            e.ObjectPrimary = e.Socket.Get(WellKnownKeys.Addr) ?? e.Socket.Get(WellKnownKeys.Path);
            e.ObjectSecondary = e.Socket.Get(WellKnownKeys.Port);
        }

        e.ActorPrimary = Pick(e, rule.SubjectPrimary, "subject primary") ?? e.ActorPrimary;
        e.ActorSecondary = Pick(e, rule.SubjectSecondary, "subject secondary") ?? e.ActorSecondary;
        e.ObjectPrimary = Pick(e, rule.ObjectPrimary, "object primary") ?? e.ObjectPrimary;
        e.ObjectSecondary = Pick(e, rule.ObjectSecondary, "object secondary") ?? e.ObjectSecondary;
        e.How = Pick(e, rule.How, "how") ?? e.How;
        if (e.Source is null && rule.SourceIp.Length > 0)
        {
            foreach (var key in rule.SourceIp)
            {
                if (e.Data.Remove(key, out var ip))
                {
                    e.Source = new CoalescedEvent.AddressFields { Ip = ip };
                    e.Direction = "ingress";
                    break;
                }
            }
        }

        foreach (var mapping in rule.Mappings)
        {
            Entity(e, mapping.To)?.Set(Read(e, mapping));
        }

        if (e.Type == Parsing.RecordTypes.UserLogin)
        {
            e.EcsTypes.Add(e.Result == "success" ? "authentication_success" : "authentication_failure");
        }
    }

    private NormalizationRule? RecordTypeRule(CoalescedEvent e)
    {
        if (!table.ByRecordType.TryGetValue(RecordTypeNames.NameOf(e.Type), out var rules))
        {
            return null;
        }

        if (rules.Length == 1)
        {
            return rules[0];
        }

        NormalizationRule? chosen = null;
        foreach (var candidate in rules)
        {
            if (candidate.HasFields.All(e.Data.ContainsKey))
            {
                chosen = candidate;
            }
        }

        return chosen;
    }

    private static void SetHowDefault(CoalescedEvent e)
    {
        if (!e.Data.TryGetValue(WellKnownKeys.Exe, out var exe) && !e.Data.TryGetValue(WellKnownKeys.Comm, out exe))
        {
            return;
        }

        e.How = exe;
        foreach (var prefix in InterpreterPrefixes)
        {
            if (exe.StartsWith(prefix, StringComparison.Ordinal))
            {
                e.How = e.Data.Get(WellKnownKeys.Comm) ?? exe;
                break;
            }
        }
    }

    private static void SetFileObject(CoalescedEvent e, int pathIndex)
    {
        if (e.Paths.Count == 0)
        {
            return;
        }

        var index = e.Paths.Count > pathIndex ? pathIndex : 0;
        var path = e.Paths[index];
        for (var i = index; i < e.Paths.Count; i++)
        {
            // Skip the parent directory and unknown entries in case the index was wrong (RHEL 7 calls it objtype).
            var nametype = e.Paths[i].Get(WellKnownKeys.Nametype) ?? e.Paths[i].Get(WellKnownKeys.Objtype);
            if (nametype is not "PARENT" and not "UNKNOWN")
            {
                path = e.Paths[i];
                break;
            }
        }

        var file = e.UseFile();
        file.Path = path.Get(WellKnownKeys.Name);
        file.Inode = path.Get(WellKnownKeys.Inode);
        file.Device = path.Get(WellKnownKeys.Dev);
        file.Uid = path.Get(WellKnownKeys.Ouid);
        file.Gid = path.Get(WellKnownKeys.Ogid);
        e.ObjectPrimary = file.Path ?? e.ObjectPrimary;
        if (path.TryGetValue(WellKnownKeys.Mode, out var mode) && FileModes.TryParse(mode, out var permissions, out var kind))
        {
            file.Mode = permissions;
            e.ObjectType = kind ?? e.ObjectType;
        }

        foreach (var (key, value) in path)
        {
            if (key.Text.StartsWith("obj_", StringComparison.Ordinal))
            {
                file.Selinux.Set(FieldNames.After(key, 4), value);
            }
        }
    }

    /// <summary>The value of the first of <paramref name="keys"/> the event has; null (and a warning) when none.</summary>
    private static string? Pick(CoalescedEvent e, FieldKey[] keys, string what)
    {
        if (keys.Length == 0)
        {
            return null;
        }

        foreach (var key in keys)
        {
            if (e.Data.TryGetValue(key, out var value) || e.UserIds.TryGetValue(key, out value))
            {
                return value;
            }
        }

        e.Warnings.Add($"failed to set {what} using keys=[{string.Join(' ', keys)}] because they were not found");
        return null;
    }

    private static string? Read(CoalescedEvent e, EcsMapping mapping) => mapping.Source switch
    {
        EcsSource.SubjectPrimary => e.ActorPrimary,
        EcsSource.SubjectSecondary => e.ActorSecondary,
        EcsSource.ObjectPrimary => e.ObjectPrimary,
        EcsSource.ObjectSecondary => e.ObjectSecondary,
        EcsSource.UserIds => e.UserIds.Get(mapping.Field!),
        EcsSource.Data => e.Data.Get(mapping.Field!),
        _ => null,
    };

    private static CoalescedEvent.EcsEntity? Entity(CoalescedEvent e, string to) => to switch
    {
        "user" => e.EcsUser,
        "user.effective" => e.EcsEffective,
        "user.target" => e.EcsTarget,
        "user.changes" => e.EcsChanges,
        "group" => e.EcsGroup,
        _ => null,
    };

    private static void AddMissing(List<string> into, string[] values)
    {
        foreach (var value in values)
        {
            if (!into.Contains(value))
            {
                into.Add(value);
            }
        }
    }
}
