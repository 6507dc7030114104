using Shipper.Config;

namespace Shipper.Core.Options;

/// <summary><c>shipper.*</c>.</summary>
public sealed class ShipperSection
{
    /// <summary><c>shipper.modules</c>: a list of <c>- module: &lt;type&gt;</c> blocks, each bound by its module plugin.</summary>
    public IConfigSection? Modules { get; set; }

    /// <summary>
    /// <c>shipper.shutdown_timeout</c>: how long a stop waits for queued events to be delivered. Default 0, as in
    /// Beats: stop without waiting; what was not delivered is counted and logged.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.Zero;
}
