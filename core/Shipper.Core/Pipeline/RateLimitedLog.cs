using Microsoft.Extensions.Logging;

namespace Shipper.Core.Pipeline;

/// <summary>
/// Lets one kind of failure log at most one line per interval (default 10s); the next line carries how many
/// occurrences were not logged in between. Thread-safe; the lock is only taken on the failure path.
/// </summary>
internal sealed class RateLimitedLog
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private long _lastLogged;
    private bool _loggedOnce;
    private long _suppressed;

    public RateLimitedLog(TimeProvider time, TimeSpan? interval = null)
    {
        _time = time;
        _interval = interval ?? TimeSpan.FromSeconds(10);
    }

    /// <summary>
    /// Returns true when the caller should log now, with <paramref name="suppressed"/> set to how many
    /// occurrences were swallowed since the last logged one.
    /// </summary>
    public bool ShouldLog(out long suppressed)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (_loggedOnce && _time.GetElapsedTime(_lastLogged, now) < _interval)
            {
                _suppressed++;
                suppressed = 0;
                return false;
            }

            _loggedOnce = true;
            _lastLogged = now;
            suppressed = _suppressed;
            _suppressed = 0;
            return true;
        }
    }

    /// <summary>Logs a warning through <paramref name="logger"/> when the rate allows.</summary>
    public void Warn(ILogger logger, Exception? exception, string message, string detail)
    {
        if (ShouldLog(out var suppressed))
        {
            logger.LogWarning(exception, "{Message}: {Detail} ({Suppressed} more not logged in the last {Interval}s)", message, detail, suppressed, (int)_interval.TotalSeconds);
        }
    }
}
