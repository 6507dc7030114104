namespace Shipper.Config;

/// <summary>
/// A configuration problem a person can act on: it names the key's full path and where it was written.
/// The host turns it into exit code 2 without a stack trace.
/// </summary>
public class ConfigException : Exception
{
    /// <summary>Creates an error about <paramref name="keyPath"/> written at <paramref name="location"/>.</summary>
    public ConfigException(string message, string? keyPath = null, ConfigLocation? location = null, Exception? innerException = null)
        : base(Format(message, keyPath, location), innerException)
    {
        Reason = message;
        KeyPath = keyPath;
        Location = location;
    }

    /// <summary>Creates an error with a message only.</summary>
    public ConfigException()
        : this("invalid configuration")
    {
    }

    /// <summary>Creates an error with a message only.</summary>
    public ConfigException(string message)
        : this(message, null, null)
    {
    }

    /// <summary>Creates an error with a message and a cause.</summary>
    public ConfigException(string message, Exception innerException)
        : this(message, null, null, innerException)
    {
    }

    /// <summary>The bare reason, without key and location.</summary>
    public string Reason { get; }

    /// <summary>The full dotted key path, such as <c>shipper.modules.0.backlog_limit</c>.</summary>
    public string? KeyPath { get; }

    /// <summary>Where the offending value was written.</summary>
    public ConfigLocation? Location { get; }

    private static string Format(string message, string? keyPath, ConfigLocation? location)
    {
        var where = location is { } l ? $"{l}: " : string.Empty;
        var key = keyPath is null ? string.Empty : $"'{keyPath}': ";
        return where + key + message;
    }
}
