using Shipper.Pipeline;

namespace Shipper.Modules;

/// <summary>A running source of events.</summary>
public interface IModule : IAsyncDisposable
{
    /// <summary>
    /// Produces events into <paramref name="client"/> until <paramref name="cancellationToken"/> fires, then
    /// returns. An exception ends the shipper with exit code 1 and the message logged.
    /// </summary>
    Task RunAsync(IPipelineClient client, CancellationToken cancellationToken);
}
