using System.Security.Cryptography;
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

    /// <summary><c>ssl.certificate_authorities</c>: PEM files (or PEM text) of CAs trusted besides the system's.</summary>
    [ConfigKey("certificate_authorities")]
    public List<string> CertificateAuthorities { get; set; } = [];

    /// <summary><c>ssl.certificate</c>: PEM client certificate (a file or PEM text), for clusters that require one.</summary>
    public string? Certificate { get; set; }

    /// <summary><c>ssl.key</c>: PEM private key of <see cref="Certificate"/> (a file or PEM text).</summary>
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

        if (!Enabled)
        {
            return;
        }

        for (var i = 0; i < CertificateAuthorities.Count; i++)
        {
            var key = $"certificate_authorities.{i}";
            if (Readable(errors, key, CertificateAuthorities[i]))
            {
                try
                {
                    if (Connection.PemSource.Authorities(CertificateAuthorities[i]).Count == 0)
                    {
                        errors.Add(key, "holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
                    }
                }
                catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
                {
                    errors.Add(key, "is not a readable PEM certificate: " + ex.Message);
                }
            }
        }

        if (CaTrustedFingerprint is { } fingerprint && !IsSha256Hex(fingerprint))
        {
            errors.Add("ca_trusted_fingerprint", "must be the 64 hex digits of a SHA-256 fingerprint (colons allowed)");
        }

        if (Certificate is not null && Key is not null && Readable(errors, "certificate", Certificate) && Readable(errors, "key", Key))
        {
            try
            {
                using var loaded = Connection.PemSource.ClientCertificate(Certificate, Key, KeyPassphrase);
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                errors.Add("key", $"cannot load the client certificate with this key: {ex.Message}" + (KeyPassphrase is null ? " (an encrypted key needs ssl.key_passphrase)" : " (check ssl.key_passphrase)"));
            }
        }
    }

    private static bool Readable(ValidationErrors errors, string key, string value)
    {
        if (Connection.PemSource.IsInline(value) || System.IO.File.Exists(value))
        {
            return true;
        }

        errors.Add(key, $"file '{value}' does not exist");
        return false;
    }

    private static bool IsSha256Hex(string value)
    {
        var hex = value.Replace(":", string.Empty, StringComparison.Ordinal);
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit);
    }
}
