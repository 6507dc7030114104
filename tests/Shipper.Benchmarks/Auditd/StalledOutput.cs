using Shipper.Outputs;

namespace Shipper.Benchmarks.Auditd;

/// <summary>
/// An output that never acknowledges: every batch waits until the pipeline stops, like an Elasticsearch that
/// accepts connections and never answers. The pipeline's queue fills and its backpressure signal goes up.
/// </summary>
internal sealed class StalledOutput : IOutput
{
    public async ValueTask SendAsync(OutputBatch batch, CancellationToken cancellationToken) =>
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);

    public ValueTask<bool> TestAsync(TextWriter report, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
