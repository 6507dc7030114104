namespace Shipper.Modules.Auditd.Rules;

/// <summary>One field of an audit rule: its id, value (the length for strings), operator, and string bytes.</summary>
/// <param name="Field">The field id (AUDIT_UID, AUDIT_WATCH…).</param>
/// <param name="Value">The value, or the string's length for string fields.</param>
/// <param name="Operator">The AUDIT_* operator bits (AUDIT_EQUAL…).</param>
/// <param name="Text">The string's bytes for string fields; null for numbers.</param>
public sealed record RuleField(int Field, uint Value, uint Operator, byte[]? Text);
