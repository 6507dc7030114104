using Shipper.Config;

namespace Shipper.Outputs.Elasticsearch.Options;

/// <summary><c>output.elasticsearch.ssl.*</c>: TLS to the cluster.</summary>
public sealed class SslOptions : IValidatable
{
    /// <summary><c>ssl.enabled</c>: set false to ignore the other ssl settings. Default true (applies to https hosts).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// <c>ssl.verification_mode</c>: <c>full</c> (chain and host name, the default), <c>strict</c> (same),
    /// <c>certificate</c> (chain only) or <c>none</c> (no verification: only for tests).
    /// </summary>
    [ConfigKey("verification_mode")]
    public string VerificationMode { get; set; } = "full";

    /// <summary><c>ssl.certificate_authorities</c>: PEM files of CAs trusted besides the system's.</summary>
    [ConfigKey("certificate_authorities")]
    public List<string> CertificateAuthorities { get; set; } = [];

    /// <summary><c>ssl.certificate</c>: PEM client certificate, for clusters that require one.</summary>
    public string? Certificate { get; set; }

    /// <summary><c>ssl.key</c>: PEM private key of <see cref="Certificate"/>.</summary>
    public string? Key { get; set; }

    /// <summary><c>ssl.key_passphrase</c>: passphrase of an encrypted <see cref="Key"/>. Never logged or exported.</summary>
    [Secret]
    [ConfigKey("key_passphrase")]
    public string? KeyPassphrase { get; set; }

    /// <summary><c>ssl.ca_trusted_fingerprint</c>: hex SHA-256 of a CA certificate to trust.</summary>
    [ConfigKey("ca_trusted_fingerprint")]
    public string? CaTrustedFingerprint { get; set; }

    /// <summary>True when any TLS setting was given.</summary>
    internal bool IsConfigured => Enabled && (CertificateAuthorities.Count > 0 || Certificate is not null || CaTrustedFingerprint is not null);

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (VerificationMode is not ("full" or "strict" or "certificate" or "none"))
        {
            errors.Add("verification_mode", $"must be full, strict, certificate or none, got '{VerificationMode}'");
        }

        if ((Certificate is null) != (Key is null))
        {
            errors.Add(Certificate is null ? "key" : "certificate", "ssl.certificate and ssl.key go together");
        }

        for (var i = 0; i < CertificateAuthorities.Count; i++)
        {
            if (!System.IO.File.Exists(CertificateAuthorities[i]))
            {
                errors.Add($"certificate_authorities.{i}", $"file '{CertificateAuthorities[i]}' does not exist");
            }
        }

        foreach (var (key, path) in new[] { ("certificate", Certificate), ("key", Key) })
        {
            if (path is not null && !System.IO.File.Exists(path))
            {
                errors.Add(key, $"file '{path}' does not exist");
            }
        }
    }
}
