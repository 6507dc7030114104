using Microsoft.Extensions.Logging;
using Shipper.Monitoring;

namespace Shipper.Outputs.File;

/// <summary>
/// Appends events as JSON lines to a rotating file. An event is acknowledged only once its bytes are
/// synced to disk (one fsync per batch, plus one before each rotation); on a write error the events not yet
/// synced are marked for retry and the file is cut back so no partial line remains.
/// Calls are serialised, so it is safe for any number of workers (though one is all a file needs).
/// </summary>
internal sealed class FileOutput : IOutput
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly RotatingFile _file;
    private readonly EventEncoder _encoder;
    private readonly IOutputMetrics _metrics;
    private readonly ILogger _logger;
    private bool _disposed;

    /// <param name="options">Validated options.</param>
    /// <param name="folder">The resolved absolute folder (<c>path</c>, or <c>path.data</c> by default).</param>
    /// <param name="metrics">Receives written bytes and write errors.</param>
    /// <param name="logger">Receives a warning per failed batch.</param>
    internal FileOutput(FileOutputOptions options, string folder, IOutputMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _file = new RotatingFile(folder, options, metrics);
        _encoder = new EventEncoder(options.Codec.Json);
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>The file being written.</summary>
    internal string FilePath => _file.FilePath;

    public async ValueTask SendAsync(OutputBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Write(batch);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask<bool> TestAsync(TextWriter report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ValueTask.FromResult(WriteProbe.Run(_file.Folder, _file.FilePath, report));
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                _file.Dispose();
                _encoder.Dispose();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Write(OutputBatch batch)
    {
        // Events before `safe` are synced to disk (or dropped); the rest are at risk until the next commit.
        var safe = 0;
        try
        {
            _file.EnsureOpen();
            for (var i = 0; i < batch.Count; i++)
            {
                if (!_encoder.TryEncode(batch[i], out var line, out var error))
                {
                    batch.Drop(i, error);
                    continue;
                }

                if (_file.WouldOverflow(line.Length))
                {
                    _file.Commit();
                    safe = AcknowledgeUpTo(batch, safe, i);
                    _file.Rotate();
                }

                _file.Append(line.Span);
            }

            _file.Commit();
            AcknowledgeUpTo(batch, safe, batch.Count);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(batch, safe, ex);
        }
    }

    private void Fail(OutputBatch batch, int safe, Exception ex)
    {
        _metrics.WriteError();
        _file.Abandon();
        var reason = $"writing {_file.FilePath} failed: {ex.Message}";
        var retried = 0;
        for (var i = safe; i < batch.Count; i++)
        {
            if (batch.OutcomeOf(i) == EventOutcome.Pending)
            {
                batch.Retry(i, reason);
                retried++;
            }
        }

        _logger.LogWarning(ex, "File output: {Reason}; {Count} events will be retried", reason, retried);
    }

    private static int AcknowledgeUpTo(OutputBatch batch, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (batch.OutcomeOf(i) == EventOutcome.Pending)
            {
                batch.Acknowledge(i);
            }
        }

        return to;
    }
}
