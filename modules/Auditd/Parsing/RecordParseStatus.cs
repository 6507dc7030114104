namespace Shipper.Modules.Auditd.Parsing;

/// <summary>The outcome of reading a record's header. Anything but <see cref="Ok"/> is a warning, never an exception.</summary>
public enum RecordParseStatus
{
    /// <summary>The header was read.</summary>
    Ok,

    /// <summary>An empty or blank line.</summary>
    Empty,

    /// <summary>No <c>type=</c> at the start of the line.</summary>
    MissingType,

    /// <summary>The <c>type=</c> name is neither a known record type nor <c>UNKNOWN[n]</c>.</summary>
    UnknownType,

    /// <summary>No <c>msg=audit(</c> after the type.</summary>
    MissingHeader,

    /// <summary>The <c>audit(SECONDS.FRACTION:SERIAL):</c> header is malformed.</summary>
    MalformedHeader,
}
