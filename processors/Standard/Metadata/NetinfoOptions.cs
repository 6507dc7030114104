namespace Shipper.Processors.Standard.Metadata;

/// <summary><c>netinfo.*</c> of <c>add_host_metadata</c>.</summary>
internal sealed class NetinfoOptions
{
    /// <summary><c>enabled</c>: add <c>host.ip</c> and <c>host.mac</c>. Default true.</summary>
    public bool Enabled { get; set; } = true;
}
