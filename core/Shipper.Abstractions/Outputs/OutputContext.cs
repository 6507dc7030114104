using Microsoft.Extensions.Logging;
using Shipper.Config;
using Shipper.Monitoring;

namespace Shipper.Outputs;

/// <summary>What an output is created with.</summary>
/// <param name="Config">The <c>output.&lt;type&gt;</c> block, without the keys the core handles (<c>enabled</c>, <c>backoff</c>).</param>
/// <param name="Logger">A logger named after the output.</param>
/// <param name="Metrics">Byte and error counters for <c>libbeat.output.*</c>.</param>
/// <param name="Services">The host's services (agent info, paths, metrics registry).</param>
public sealed record OutputContext(IConfigSection Config, ILogger Logger, IOutputMetrics Metrics, IServiceProvider Services);
