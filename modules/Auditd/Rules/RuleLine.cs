namespace Shipper.Modules.Auditd.Rules;

/// <summary>One compiled line of a rule file or of <c>audit_rules</c>.</summary>
/// <param name="Source">The file's path, or <c>audit_rules</c>.</param>
/// <param name="Line">The 1-based line number in <paramref name="Source"/>.</param>
/// <param name="Text">The line as written.</param>
/// <param name="Kind">What the line asks for.</param>
/// <param name="Rule">The rule for <see cref="RuleLineKind.Add"/> and <see cref="RuleLineKind.Delete"/>; null otherwise.</param>
/// <param name="Control">For <see cref="RuleLineKind.Control"/>: the option (e.g. <c>-b</c>) and its value.</param>
public sealed record RuleLine(string Source, int Line, string Text, RuleLineKind Kind, AuditRuleData? Rule, (string Option, string? Value)? Control = null)
{
    /// <summary>Where the line was written, for messages: <c>/etc/audit/rules.d/a.rules line 3</c>.</summary>
    public string Where => $"{Source} line {Line}";
}
