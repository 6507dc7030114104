namespace Shipper.Modules.Auditd.Rules;

/// <summary>
/// A rule auditctl would refuse, or one the kernel refused. <see cref="Exception.Message"/> names where the rule was
/// written (the file or <c>audit_rules</c>, and the line), the offending option or field, and the reason.
/// </summary>
public class RuleException : Exception
{
    public RuleException(string reason, string? source, int line, string? text, Exception? innerException = null)
        : base(Format(reason, source, line, text), innerException)
    {
        Reason = reason;
        Source = source;
        Line = line;
        Text = text;
    }

    public RuleException()
        : this("invalid audit rule", null, 0, null)
    {
    }

    public RuleException(string message)
        : this(message, null, 0, null)
    {
    }

    public RuleException(string message, Exception innerException)
        : this(message, null, 0, null, innerException)
    {
    }

    /// <summary>The reason alone, e.g. <c>-F unknown field: ses</c>.</summary>
    public string Reason { get; }

    /// <summary>The rule file's path, or <c>audit_rules</c>; null when the rule came from nowhere in particular.</summary>
    public new string? Source { get; }

    /// <summary>The 1-based line in <see cref="Source"/>; 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The rule line as written.</summary>
    public string? Text { get; }

    private static string Format(string reason, string? source, int line, string? text)
    {
        var where = source is null ? string.Empty : line > 0 ? $"{source} line {line}: " : $"{source}: ";
        var rule = text is null ? string.Empty : $" (rule: {text})";
        return where + reason + rule;
    }
}
