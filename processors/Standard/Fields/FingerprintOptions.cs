using Shipper.Config;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary><c>fingerprint</c> settings.</summary>
internal sealed class FingerprintOptions : ProcessorOptions, IValidatable
{
    /// <summary><c>fields</c>: the fields hashed (in sorted order, whatever order they are listed in). Required.</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary><c>target_field</c>: where the fingerprint goes. Default <c>fingerprint</c>.</summary>
    public string TargetField { get; set; } = "fingerprint";

    /// <summary><c>method</c>: md5, sha1, sha256, sha384, sha512 or xxhash. Default sha256.</summary>
    public FingerprintMethod Method { get; set; } = FingerprintMethod.Sha256;

    /// <summary><c>encoding</c>: hex, base32 or base64. Default hex.</summary>
    public FingerprintEncoding Encoding { get; set; } = FingerprintEncoding.Hex;

    /// <summary><c>ignore_missing</c>: hash the fields that are there instead of failing on a missing one. Default false.</summary>
    public bool IgnoreMissing { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (Fields.Count == 0)
        {
            errors.Add("fields", "is required: a list of at least one field to hash");
        }
    }
}
