namespace Shipper.Modules.Auditd.Rules;

/// <summary>A rule line auditctl would refuse; <see cref="Option"/> is the offending option or field as written.</summary>
public class RuleSyntaxException : Exception
{
    public RuleSyntaxException(string message, string? option)
        : base(message)
    {
        Option = option;
    }

    public RuleSyntaxException()
        : this("invalid rule", (string?)null)
    {
    }

    public RuleSyntaxException(string message)
        : this(message, (string?)null)
    {
    }

    public RuleSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The option or <c>field=value</c> the error is about, e.g. <c>ses=1</c>.</summary>
    public string? Option { get; }
}
