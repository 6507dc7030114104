using Microsoft.Extensions.Logging;

namespace Shipper.Outputs.Elasticsearch.Connection;

/// <summary>
/// Logs a host that answers without identifying as Elasticsearch once, not once per batch, and logs again when
/// it identifies properly afterwards (so a second episode is logged too). Thread-safe; the lock is taken only
/// while some host is in trouble or on the failure path.
/// </summary>
internal sealed class ProductCheckLog(ILogger? logger)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _refusing = new(StringComparer.OrdinalIgnoreCase);
    private volatile int _count;

    public void Refused(string host, string reason)
    {
        lock (_gate)
        {
            if (!_refusing.Add(host))
            {
                return;
            }

            _count = _refusing.Count;
        }

        logger?.LogError("Elasticsearch: {Reason}; its events are retried, on another host when there is one", reason);
    }

    public void Confirmed(string host)
    {
        if (_count == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (!_refusing.Remove(host))
            {
                return;
            }

            _count = _refusing.Count;
        }

        logger?.LogInformation("Elasticsearch: {Host} identifies as Elasticsearch again", host);
    }
}
