namespace Shipper.Processors.Standard.Fields;

/// <summary>The hash <c>fingerprint</c> uses.</summary>
internal enum FingerprintMethod
{
    /// <summary>MD5 (16 bytes).</summary>
    Md5,

    /// <summary>SHA-1 (20 bytes).</summary>
    Sha1,

    /// <summary>SHA-256 (32 bytes), the default.</summary>
    Sha256,

    /// <summary>SHA-384 (48 bytes).</summary>
    Sha384,

    /// <summary>SHA-512 (64 bytes).</summary>
    Sha512,

    /// <summary>XXH64 (8 bytes, not cryptographic, fastest).</summary>
    Xxhash,
}
