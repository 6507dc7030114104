using Shipper.Config;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Metadata;

/// <summary><c>add_host_metadata</c> settings.</summary>
internal sealed class AddHostMetadataOptions : ProcessorOptions, IValidatable
{
    /// <summary><c>cache.ttl</c>: how often the host data is read again, off the publishing path. Default 5m.</summary>
    public CacheOptions Cache { get; set; } = new() { Ttl = TimeSpan.FromMinutes(5) };

    /// <summary><c>netinfo.enabled</c>: add <c>host.ip</c> and <c>host.mac</c>. Default true.</summary>
    public NetinfoOptions Netinfo { get; set; } = new();

    /// <summary><c>replace_fields</c>: overwrite <c>host.*</c> fields the event already has. When false, an event with host fields besides <c>host.name</c> is left alone. Default true.</summary>
    public bool ReplaceFields { get; set; } = true;

    /// <summary><c>name</c>: the value of <c>host.name</c>. Default: the host name.</summary>
    public string? Name { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (Cache.Ttl <= TimeSpan.Zero)
        {
            errors.Add("cache.ttl", "must be a positive duration, such as 5m");
        }
    }
}
