using Shipper.Config;

namespace Shipper.Core.Options;

/// <summary><c>http.*</c>: the monitoring endpoint serving <c>/</c> and <c>/stats</c>.</summary>
public sealed class HttpOptions : IValidatable
{
    /// <summary><c>http.enabled</c>. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>http.host</c>. Default localhost.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary><c>http.port</c>. Default 5066; 0 picks a free port.</summary>
    public int Port { get; set; } = 5066;

    /// <inheritdoc />
    public void Validate(ValidationErrors errors) => errors.InRange("port", Port, 0, 65535);
}
