using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Shipper.Testing;

namespace Shipper.Outputs.Elasticsearch.Tests.Support;

/// <summary>
/// A throwaway PKI made for one test: a CA, a server certificate it signs for 127.0.0.1 and localhost, one it
/// signs for another name only, and a client certificate. The CA and the client certificate and key are
/// written as PEM files to a temporary folder, as a user would give them in <c>ssl.*</c>.
/// </summary>
internal sealed class TestPki : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly DateTimeOffset _notBefore = DateTimeOffset.UtcNow.AddDays(-1);
    private readonly DateTimeOffset _notAfter = DateTimeOffset.UtcNow.AddDays(30);

    public TestPki()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Shipper Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        Authority = caRequest.CreateSelfSigned(_notBefore, _notAfter);

        Server = Issue("CN=127.0.0.1", serverAuth: true, "127.0.0.1", "localhost");
        WrongNameServer = Issue("CN=elasticsearch.invalid", serverAuth: true, "elasticsearch.invalid");
        Client = Issue("CN=shipper-client", serverAuth: false);

        CaFile = _temp.Write("ca.pem", Authority.ExportCertificatePem());
        ClientCertificateFile = _temp.Write("client.pem", Client.ExportCertificatePem());
        using var clientKey = Client.GetECDsaPrivateKey()!;
        ClientKeyFile = _temp.Write("client-key.pem", clientKey.ExportPkcs8PrivateKeyPem());
        EncryptedClientKeyFile = _temp.Write("client-key-encrypted.pem", clientKey.ExportEncryptedPkcs8PrivateKeyPem(
            KeyPassphrase, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000)));
    }

    /// <summary>The passphrase of <see cref="EncryptedClientKeyFile"/>.</summary>
    public const string KeyPassphrase = "pki-passphrase-4417";

    /// <summary>The CA (with its private key).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>A server certificate for 127.0.0.1 and localhost, signed by <see cref="Authority"/>.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>A server certificate signed by <see cref="Authority"/> for a name that is not the test server's.</summary>
    public X509Certificate2 WrongNameServer { get; }

    /// <summary>A client certificate signed by <see cref="Authority"/>.</summary>
    public X509Certificate2 Client { get; }

    public string CaFile { get; }

    public string ClientCertificateFile { get; }

    public string ClientKeyFile { get; }

    public string EncryptedClientKeyFile { get; }

    /// <summary>Writes a file into the PKI's folder (for a broken PEM file, say).</summary>
    public string Write(string name, string contents) => _temp.Write(name, contents);

    /// <summary>True when <paramref name="certificate"/> was issued by <see cref="Authority"/> (for the server's client-certificate check).</summary>
    public bool Issued(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
        WrongNameServer.Dispose();
        Client.Dispose();
        _temp.Dispose();
    }

    private X509Certificate2 Issue(string subject, bool serverAuth, params string[] names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuth ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (names.Length > 0)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var name in names)
            {
                if (IPAddress.TryParse(name, out var ip))
                {
                    san.AddIpAddress(ip);
                }
                else
                {
                    san.AddDnsName(name);
                }
            }

            request.CertificateExtensions.Add(san.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(Authority, _notBefore, _notAfter.AddDays(-1), serial);
        using var withKey = issued.CopyWithPrivateKey(key);

        // SslStream wants a key it can hand to OpenSSL as is; a PKCS#12 round trip gives one.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
