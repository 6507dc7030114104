namespace Shipper.Modules.Auditd.Rules;

/// <summary>What auditctl remembers while it reads one rule line (its globals, reset per line).</summary>
internal sealed class RuleLineState
{
    public AuditRuleData Rule { get; } = new();

    /// <summary>The list of <c>-a</c>/<c>-A</c>/<c>-w</c> (with the prepend flag), or null.</summary>
    public uint? Add { get; set; }

    /// <summary>The list of <c>-d</c>/<c>-W</c>, or null.</summary>
    public uint? Delete { get; set; }

    public uint? Action { get; set; }

    /// <summary>The arch syscall names are looked up in: <c>-F arch</c>, or the host's once <c>-S</c> needed one. 0 while unknown.</summary>
    public uint Elf { get; set; }

    public bool SyscallAdded { get; set; }

    public bool PermAdded { get; set; }

    public bool ExeAdded { get; set; }

    public bool FilterFsAdded { get; set; }

    public int ListOperations { get; set; }

    /// <summary>The <c>-k</c> and <c>-F key=</c> values joined by \x01, added as the last field.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The list fields are checked against; null when no list was given yet.</summary>
    public uint? List => Add is { } add ? add & AuditRuleConstants.FilterMask : Delete & AuditRuleConstants.FilterMask;
}
