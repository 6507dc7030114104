using Microsoft.Extensions.Logging;

namespace Shipper.Core.Logging;

/// <summary>
/// The host's logger provider: formats entries once and writes them to every sink (stderr, rotating files).
/// Debug entries pass only for categories matched by <c>logging.selectors</c> (empty or <c>*</c>: all).
/// </summary>
public sealed class ShipperLoggerProvider(
    LogLevel minimum,
    IReadOnlyList<string> selectors,
    LogLineFormatter formatter,
    IReadOnlyList<ILogSink> sinks,
    TimeProvider? time = null) : ILoggerProvider
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly bool _allSelected = selectors.Count == 0 || selectors.Contains("*");

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new ShipperLogger(this, categoryName, IsDebugSelected(categoryName));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var sink in sinks)
        {
            sink.Dispose();
        }
    }

    internal bool IsEnabled(LogLevel level, bool debugSelected) =>
        level != LogLevel.None && level >= minimum && (level > LogLevel.Debug || debugSelected);

    internal void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = formatter.Format(_time.GetUtcNow(), level, category, message, exception);
        foreach (var sink in sinks)
        {
            sink.WriteLine(line);
        }
    }

    private bool IsDebugSelected(string category) =>
        _allSelected || selectors.Any(s => category == s || category.StartsWith(s + ".", StringComparison.Ordinal) || category.EndsWith("." + s, StringComparison.Ordinal));

    private sealed class ShipperLogger(ShipperLoggerProvider provider, string category, bool debugSelected) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => provider.IsEnabled(logLevel, debugSelected);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
