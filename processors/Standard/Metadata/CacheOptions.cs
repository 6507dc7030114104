namespace Shipper.Processors.Standard.Metadata;

/// <summary><c>cache.*</c> of the metadata processors.</summary>
internal sealed class CacheOptions
{
    /// <summary><c>ttl</c>: how long looked-up data is used before it is read again.</summary>
    public TimeSpan Ttl { get; set; }
}
