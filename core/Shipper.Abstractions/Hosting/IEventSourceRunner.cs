using Shipper.Pipeline;

namespace Shipper.Hosting;

/// <summary>
/// Lets a contributed command (such as <c>shipper replay</c>) run the configured pipeline, processors and
/// output with its own event source instead of the configured modules. Resolved from the command's services.
/// </summary>
public interface IEventSourceRunner
{
    /// <summary>
    /// Starts the pipeline and output, runs <paramref name="source"/> with a pipeline client whose module-level
    /// settings (processors, fields, tags) come from the first configured block of <paramref name="moduleType"/>
    /// if there is one, then delivers everything queued and stops. When <paramref name="cancellationToken"/> fires,
    /// the source is stopped and the drain is bounded by <c>shipper.shutdown_timeout</c>.
    /// Returns the process exit code: 0 when every event was delivered, 1 otherwise.
    /// </summary>
    Task<int> RunAsync(string moduleType, Func<IPipelineClient, CancellationToken, Task> source, CancellationToken cancellationToken);
}
