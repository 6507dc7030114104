using Microsoft.Extensions.Logging;
using Shipper.Config;

namespace Shipper.Modules;

/// <summary>What a module is created with.</summary>
/// <param name="Config">The module's block without the keys the core handles (<c>module</c>, <c>enabled</c>, <c>processors</c>, <c>fields</c>, <c>fields_under_root</c>, <c>tags</c>, <c>index</c>).</param>
/// <param name="Logger">A logger named after the module.</param>
/// <param name="Services">The host's services: <see cref="Monitoring.IMetricsRegistry"/>, <see cref="ShipperPaths"/>, <see cref="Hosting.AgentInfo"/>, logging.</param>
public sealed record ModuleContext(IConfigSection Config, ILogger Logger, IServiceProvider Services);
