using Shipper.Core.Monitoring;
using Shipper.Outputs;

namespace Shipper.Core.Hosting;

/// <summary>The created output with the host-side settings of its block.</summary>
/// <param name="Type">The output type (<c>console</c>, <c>file</c>, …).</param>
/// <param name="Output">The output client.</param>
/// <param name="Common">Its <c>backoff</c> settings.</param>
/// <param name="Metrics">The I/O counters handed to it.</param>
public sealed record OutputInstance(string Type, IOutput Output, OutputCommonOptions Common, OutputMetrics Metrics);
