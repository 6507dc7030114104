namespace Shipper.Modules.Auditd.Rules;

/// <summary>What one line of a rule file asks for.</summary>
public enum RuleLineKind
{
    /// <summary><c>-a</c>, <c>-A</c> or <c>-w</c>: add a rule.</summary>
    Add,

    /// <summary><c>-d</c> or <c>-W</c>: delete a rule.</summary>
    Delete,

    /// <summary><c>-D</c>: delete every rule.</summary>
    DeleteAll,

    /// <summary>A kernel setting or auditctl switch (<c>-b</c>, <c>-f</c>, <c>-r</c>, <c>-e</c>, <c>--backlog_wait_time</c>, <c>-i</c>, <c>-c</c>…).</summary>
    Control,
}
