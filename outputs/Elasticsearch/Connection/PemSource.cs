using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Shipper.Outputs.Elasticsearch.Connection;

/// <summary>
/// An <c>ssl.*</c> value that is either a path to a PEM file or, as Beats allows, the PEM text itself
/// (starting with <c>-----BEGIN</c>).
/// </summary>
internal static class PemSource
{
    public static bool IsInline(string value) => value.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);

    public static string Read(string value) => IsInline(value) ? value : File.ReadAllText(value);

    /// <summary>The certificates in a CA value.</summary>
    public static X509Certificate2Collection Authorities(string value)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPem(Read(value));
        return collection;
    }

    /// <summary>The client certificate with its key, ready for a TLS handshake.</summary>
    /// <exception cref="CryptographicException">The PEM cannot be read, or the passphrase is wrong.</exception>
    public static X509Certificate2 ClientCertificate(string certificate, string key, string? passphrase)
    {
        using var pem = passphrase is null
            ? X509Certificate2.CreateFromPem(Read(certificate), Read(key))
            : X509Certificate2.CreateFromEncryptedPem(Read(certificate), Read(key), passphrase);

        // SslStream on Linux needs a key it can hand over as is; a PKCS#12 round trip gives it one.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
