using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Shipper.Outputs.Elasticsearch.Options;

namespace Shipper.Outputs.Elasticsearch.Connection;

/// <summary>
/// Turns <c>ssl.*</c> into a server certificate check and a client certificate. Verification is on by default:
/// the chain must lead to a system root or to one of <c>certificate_authorities</c> (or match
/// <c>ca_trusted_fingerprint</c>), and the name must match the host unless <c>verification_mode: certificate</c>
/// (<c>strict</c> also wants the name in a subject alternative name). A refused certificate is described in
/// <see cref="LastFailure"/>, since the TLS stack only reports that the callback said no.
/// </summary>
internal sealed class TlsSettings
{
    private readonly SslOptions _options;
    private readonly X509Certificate2Collection _authorities = [];
    private readonly byte[]? _fingerprint;
    private volatile string? _lastFailure;

    public TlsSettings(SslOptions options)
    {
        _options = options;
        if (!options.Enabled)
        {
            // ssl.enabled: false ignores the other ssl settings; https hosts are still verified against the system's roots.
            return;
        }

        foreach (var value in options.CertificateAuthorities)
        {
            _authorities.AddRange(PemSource.Authorities(value));
        }

        if (options.CaTrustedFingerprint is { } hex)
        {
            _fingerprint = Convert.FromHexString(hex.Replace(":", string.Empty, StringComparison.Ordinal));
        }
    }

    /// <summary>Why the last server certificate was refused (null once one is accepted).</summary>
    public string? LastFailure => _lastFailure;

    /// <summary>The client certificate from <c>ssl.certificate</c>/<c>ssl.key</c>, or null.</summary>
    public X509Certificate2? LoadClientCertificate()
    {
        if (!_options.Enabled || _options.Certificate is null || _options.Key is null)
        {
            return null;
        }

        return PemSource.ClientCertificate(_options.Certificate, _options.Key, _options.KeyPassphrase);
    }

    /// <summary>Decides whether the server's certificate is trusted.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var failure = Check(certificate, chain, errors);
        if (failure is not null)
        {
            var host = sender is SslStream { TargetHostName: { Length: > 0 } name } ? name : "the server";
            _lastFailure = $"the certificate of {host} {failure}";
            return false;
        }

        _lastFailure = null;
        return true;
    }

    /// <summary>Null when the certificate is trusted, else what is wrong with it (completing "the certificate of HOST ...").</summary>
    private string? Check(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var mode = _options.Enabled ? _options.VerificationMode : "full";
        if (mode == "none")
        {
            return null;
        }

        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return "was not sent";
        }

        using var leaf = new X509Certificate2(certificate);
        var chainTrusted = (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0 || MatchesFingerprint(leaf, chain) || ChainsToConfiguredAuthority(leaf, chain);
        if (!chainTrusted)
        {
            var status = chain?.ChainStatus.Select(s => s.Status.ToString()).Distinct().ToArray() is { Length: > 0 } statuses ? string.Join(", ", statuses) : "chain errors";
            return _authorities.Count == 0 && _fingerprint is null
                ? $"is not trusted ({status}; issued by '{leaf.Issuer}'): add that CA's PEM file to ssl.certificate_authorities"
                : $"is not trusted ({status}; issued by '{leaf.Issuer}'): it does not lead to ssl.certificate_authorities or ssl.ca_trusted_fingerprint";
        }

        if (mode == "certificate")
        {
            return null;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return $"does not match the host name (it names {Names(leaf)}): connect by one of those names, or set ssl.verification_mode: certificate to check the chain only";
        }

        if (mode == "strict" && leaf.Extensions[SubjectAlternativeNameOid] is null)
        {
            return "has no subject alternative name, which ssl.verification_mode: strict requires";
        }

        return null;
    }

    private const string SubjectAlternativeNameOid = "2.5.29.17";

    private static string Names(X509Certificate2 leaf)
    {
        var names = new List<string>();
        if (leaf.Extensions[SubjectAlternativeNameOid] is { } extension)
        {
            var san = new X509SubjectAlternativeNameExtension(extension.RawData);
            names.AddRange(san.EnumerateDnsNames());
            names.AddRange(san.EnumerateIPAddresses().Select(ip => ip.ToString()));
        }

        return names.Count > 0 ? string.Join(", ", names) : $"only '{leaf.Subject}'";
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
