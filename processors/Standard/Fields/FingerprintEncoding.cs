namespace Shipper.Processors.Standard.Fields;

/// <summary>How <c>fingerprint</c> writes the hash.</summary>
internal enum FingerprintEncoding
{
    /// <summary>Lower-case hexadecimal, the default.</summary>
    Hex,

    /// <summary>RFC 4648 base32 with padding.</summary>
    Base32,

    /// <summary>RFC 4648 base64 with padding.</summary>
    Base64,
}
