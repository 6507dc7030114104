using Microsoft.Extensions.Logging;
using Shipper.Modules.Auditd.Control;
using Shipper.Monitoring;
using Shipper.Pipeline;

namespace Shipper.Modules.Auditd;

/// <summary>What a message handler is created with.</summary>
/// <param name="Client">Where events go.</param>
/// <param name="Options">The module's settings (include_raw_message, include_warnings, resolve_ids, reassembler).</param>
/// <param name="Backpressure">Whether to drop events in userspace while the pipeline pushes back (<see cref="BackpressurePlan.Userspace"/>).</param>
/// <param name="Logger">The module's logger.</param>
/// <param name="Metrics">For counters such as <c>auditd.userspace_lost</c>; null when the host has none.</param>
/// <param name="Stopping">Fires when the module stops; pass it to blocking publishes.</param>
public sealed record AuditMessageHandlerContext(
    IPipelineClient Client,
    AuditdOptions Options,
    BackpressurePlan Backpressure,
    ILogger Logger,
    IMetricsRegistry? Metrics,
    CancellationToken Stopping);
