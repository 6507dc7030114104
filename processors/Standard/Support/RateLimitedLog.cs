using Microsoft.Extensions.Logging;

namespace Shipper.Processors.Standard.Support;

/// <summary>
/// At most one log line per interval for one processor; the next line says how many were not logged in between.
/// Thread-safe; the lock is only taken on the failure path.
/// </summary>
internal sealed class RateLimitedLog(TimeProvider time, TimeSpan interval)
{
    private readonly Lock _gate = new();
    private long _lastLogged;
    private bool _loggedOnce;
    private long _suppressed;

    /// <summary>Logs <paramref name="message"/> as a warning when the interval allows, else counts it as suppressed.</summary>
    public void Warn(ILogger logger, string processor, string message)
    {
        long suppressed;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_loggedOnce && time.GetElapsedTime(_lastLogged, now) < interval)
            {
                _suppressed++;
                return;
            }

            _loggedOnce = true;
            _lastLogged = now;
            suppressed = _suppressed;
            _suppressed = 0;
        }

        logger.LogWarning(
            "Processor {Processor} failed, the event goes on: {Error} ({Suppressed} more not logged in the last {Interval}s)",
            processor,
            message,
            suppressed,
            (int)interval.TotalSeconds);
    }
}
