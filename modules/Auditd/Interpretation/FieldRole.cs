namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>
/// What <see cref="RecordInterpreter"/> does with a field, decided once per name when its <see cref="FieldKey"/> is
/// made (<see cref="FieldRoles"/>), so reading a field switches on a number instead of hashing its name again.
/// </summary>
internal enum FieldRole : byte
{
    /// <summary>Kept as it is written (or hex-decoded, see <see cref="FieldTraits"/>).</summary>
    Plain,

    /// <summary><c>key</c>: the rule keys, set apart as tags.</summary>
    RuleKey,

    /// <summary><c>saddr</c>: a socket address in hex.</summary>
    Saddr,

    Arch,

    Syscall,

    /// <summary><c>exit</c>: an errno name when negative.</summary>
    Exit,

    /// <summary><c>auid</c>, <c>old-auid</c>, <c>old-ses</c>: <c>unset</c> for the unset id.</summary>
    AuditId,

    /// <summary><c>ses</c>: <c>unset</c> for the unset id, and the event's session.</summary>
    Session,

    /// <summary><c>success</c>, <c>res</c>: the event's <c>result</c>.</summary>
    Outcome,

    /// <summary><c>result</c> itself.</summary>
    Result,

    /// <summary><c>subj</c>: a SELinux subject context, split.</summary>
    SubjectContext,

    /// <summary><c>obj</c>: a SELinux object context, split (PATH records).</summary>
    ObjectContext,

    Proctitle,

    /// <summary><c>sig</c>: a signal name (SECCOMP records).</summary>
    Signal,

    /// <summary><c>seperms</c>: an AVC's permissions.</summary>
    SelinuxPermissions,
}

/// <summary>Further facts about a field name, decided with its <see cref="FieldRole"/>.</summary>
[Flags]
internal enum FieldTraits : byte
{
    None = 0,

    /// <summary>
    /// Written by the kernel and libaudit with <c>audit_log_untrustedstring</c>/<c>audit_encode_nv_string</c>:
    /// quoted, or hex when unsafe (<c>comm</c>, <c>exe</c>, <c>name</c> …).
    /// </summary>
    HexEncoded = 1,

    /// <summary>An EXECVE <c>aN</c> key (not a piece <c>aN[i]</c>, which may cut a character and is joined elsewhere).</summary>
    WholeArgument = 2,

    /// <summary>Ends in uid or gid: the main record's user and group ids.</summary>
    UserOrGroupId = 4,

    /// <summary><c>subj_*</c>: a part of the subject's SELinux context.</summary>
    SubjectContextPart = 8,
}

/// <summary>Decides a field name's role and traits.</summary>
internal static class FieldRoles
{
    public static FieldRole RoleOf(string name) => name switch
    {
        "key" => FieldRole.RuleKey,
        "saddr" => FieldRole.Saddr,
        "arch" => FieldRole.Arch,
        "syscall" => FieldRole.Syscall,
        "exit" => FieldRole.Exit,
        "auid" or "old-auid" or "old-ses" => FieldRole.AuditId,
        "ses" => FieldRole.Session,
        "success" or "res" => FieldRole.Outcome,
        "result" => FieldRole.Result,
        "subj" => FieldRole.SubjectContext,
        "obj" => FieldRole.ObjectContext,
        "proctitle" => FieldRole.Proctitle,
        "sig" => FieldRole.Signal,
        "seperms" => FieldRole.SelinuxPermissions,
        _ => FieldRole.Plain,
    };

    public static FieldTraits TraitsOf(string name)
    {
        var traits = FieldTraits.None;
        if (name is "comm" or "exe" or "name" or "cwd" or "cmd" or "acct" or "data" or "path" or "ocomm" or "dir" or "new-root" or "old-root" or "root_dir")
        {
            traits |= FieldTraits.HexEncoded;
        }

        if (name.Length > 1 && name[0] == 'a' && name.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            traits |= FieldTraits.WholeArgument;
        }

        if (name.EndsWith("uid", StringComparison.Ordinal) || name.EndsWith("gid", StringComparison.Ordinal))
        {
            traits |= FieldTraits.UserOrGroupId;
        }

        if (name.StartsWith("subj_", StringComparison.Ordinal))
        {
            traits |= FieldTraits.SubjectContextPart;
        }

        return traits;
    }
}
