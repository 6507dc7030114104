namespace Shipper.Modules.Auditd.Parsing;

/// <summary>How a value was written in a record.</summary>
public enum AuditValueKind
{
    /// <summary>Unquoted (<c>pid=42</c>, <c>name=2F746D70</c>, <c>(null)</c>, <c>?</c>).</summary>
    Bare,

    /// <summary>In double quotes (<c>comm="touch"</c>): the kernel's form for strings without special bytes.</summary>
    Quoted,

    /// <summary>In single quotes (a user message's nested <c>msg='…'</c> text when it is not key=value pairs).</summary>
    SingleQuoted,

    /// <summary>An SELinux AVC permission list in braces (<c>{ read write }</c>).</summary>
    Braced,
}
