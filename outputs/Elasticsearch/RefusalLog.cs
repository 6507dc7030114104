using Microsoft.Extensions.Logging;
using Shipper.Outputs.Elasticsearch.Bulk;

namespace Shipper.Outputs.Elasticsearch;

/// <summary>
/// Logs events Elasticsearch refused (mapping errors and other 4xx) with the reason, at most once a second, with
/// the count of refusals not logged since; a bad field on every event must not flood the log. Thread-safe.
/// </summary>
internal sealed class RefusalLog(ILogger logger, TimeProvider time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private long _lastLogged = long.MinValue;
    private int _suppressed;

    public void Refused(string index, BulkItemResult result)
    {
        int suppressed;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_lastLogged != long.MinValue && time.GetElapsedTime(_lastLogged, now) < Interval)
            {
                _suppressed++;
                return;
            }

            _lastLogged = now;
            suppressed = _suppressed;
            _suppressed = 0;
        }

        logger.LogWarning(
            "Elasticsearch refused an event for index {Index}: {Reason}{Suppressed}",
            index,
            result.Describe(),
            suppressed > 0 ? $" ({suppressed} more refusals since the last message)" : string.Empty);
    }
}
