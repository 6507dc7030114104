using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>How documents are built.</summary>
/// <param name="IncludeRawMessage"><c>include_raw_message</c>: add the records as <c>event.original</c>.</param>
/// <param name="IncludeWarnings"><c>include_warnings</c>: add problems met while reading the records as <c>error.message</c> (and the records).</param>
/// <param name="Identities">Resolves ids to names (<c>resolve_ids</c>); null leaves ids as they are.</param>
public sealed record NormalizerOptions(bool IncludeRawMessage = false, bool IncludeWarnings = false, IIdentityResolver? Identities = null)
{
    /// <summary>The module's settings: resolve_ids through /etc/passwd and /etc/group.</summary>
    public static NormalizerOptions From(AuditdOptions options, IIdentityResolver? identities = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new NormalizerOptions(options.IncludeRawMessage, options.IncludeWarnings, options.ResolveIds ? identities ?? new EtcIdentityResolver() : null);
    }
}
