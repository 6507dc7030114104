using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Shipper.Outputs.Elasticsearch.Options;

namespace Shipper.Outputs.Elasticsearch.Connection;

/// <summary>
/// Turns <c>ssl.*</c> into a server certificate check and a client certificate. Verification is on by default:
/// the chain must lead to a system root or to one of <c>certificate_authorities</c> (or match
/// <c>ca_trusted_fingerprint</c>), and the name must match the host unless <c>verification_mode: certificate</c>.
/// </summary>
internal sealed class TlsSettings
{
    private readonly SslOptions _options;
    private readonly X509Certificate2Collection _authorities = [];
    private readonly byte[]? _fingerprint;

    public TlsSettings(SslOptions options)
    {
        _options = options;
        foreach (var path in options.CertificateAuthorities)
        {
            _authorities.ImportFromPemFile(path);
        }

        if (options.CaTrustedFingerprint is { } hex)
        {
            _fingerprint = Convert.FromHexString(hex.Replace(":", string.Empty, StringComparison.Ordinal));
        }
    }

    /// <summary>The client certificate from <c>ssl.certificate</c>/<c>ssl.key</c>, or null.</summary>
    public X509Certificate2? LoadClientCertificate()
    {
        if (!_options.Enabled || _options.Certificate is null || _options.Key is null)
        {
            return null;
        }

        using var pem = _options.KeyPassphrase is { } passphrase
            ? X509Certificate2.CreateFromEncryptedPemFile(_options.Certificate, passphrase, _options.Key)
            : X509Certificate2.CreateFromPemFile(_options.Certificate, _options.Key);

        // SslStream on Linux needs a key it can persist; a PKCS#12 round trip gives it one.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Decides whether the server's certificate is trusted.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (!_options.Enabled || _options.VerificationMode == "none")
        {
            return true;
        }

        if (_options.VerificationMode == "certificate")
        {
            errors &= ~SslPolicyErrors.RemoteCertificateNameMismatch;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var leaf = new X509Certificate2(certificate);
        return MatchesFingerprint(leaf, chain) || ChainsToConfiguredAuthority(leaf, chain);
    }

    private bool MatchesFingerprint(X509Certificate2 leaf, X509Chain? chain)
    {
        if (_fingerprint is null)
        {
            return false;
        }

        var candidates = chain?.ChainElements.Select(e => e.Certificate).Append(leaf) ?? [leaf];
        return candidates.Any(c => CryptographicOperations.FixedTimeEquals(SHA256.HashData(c.RawData), _fingerprint));
    }

    private bool ChainsToConfiguredAuthority(X509Certificate2 leaf, X509Chain? presented)
    {
        if (_authorities.Count == 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(leaf);
    }
}
