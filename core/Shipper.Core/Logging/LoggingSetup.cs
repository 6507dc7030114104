using Microsoft.Extensions.Logging;
using Shipper.Config;
using Shipper.Core.Options;

namespace Shipper.Core.Logging;

/// <summary>Builds the logger factory from <c>logging.*</c> and the command line (<c>-e</c>, <c>-d</c>). Never writes to stdout.</summary>
public static class LoggingSetup
{
    /// <summary>Creates the factory. <paramref name="stderr"/> is where stderr logging goes (tests pass a writer).</summary>
    public static ILoggerFactory Create(LoggingOptions options, ShipperPaths paths, bool forceStderr, IReadOnlyList<string>? debugSelectors, TextWriter stderr)
    {
        var sinks = new List<ILogSink>();
        if (options.ToStderr || forceStderr || !options.ToFiles)
        {
            sinks.Add(new TextWriterLogSink(stderr));
        }

        if (options.ToFiles && !forceStderr)
        {
            // Validation already refused a bad mode; fall back to owner-only rather than fail here.
            var mode = FileModes.TryParse(options.Files.Permissions, out var parsed) ? parsed : UnixFileMode.UserRead | UnixFileMode.UserWrite;
            var folder = string.IsNullOrEmpty(options.Files.Path) ? paths.Logs : paths.ResolveConfigPath(options.Files.Path);
            sinks.Add(new RotatingFileLogSink(folder, options.Files.Name, options.Files.RotateEveryBytes, options.Files.KeepFiles, mode));
        }

        var minimum = debugSelectors is { Count: > 0 } ? LogLevel.Debug : ToLogLevel(options.Level);
        var selectors = debugSelectors is { Count: > 0 } ? debugSelectors : options.Selectors;
        var provider = new ShipperLoggerProvider(minimum, selectors, new LogLineFormatter(options.Json), sinks);
        return LoggerFactory.Create(builder => builder.ClearProviders().SetMinimumLevel(minimum).AddProvider(provider));
    }

    /// <summary>Maps the config level to Microsoft's.</summary>
    public static LogLevel ToLogLevel(LogLevelOption level) => level switch
    {
        LogLevelOption.Debug => LogLevel.Debug,
        LogLevelOption.Info => LogLevel.Information,
        LogLevelOption.Warning => LogLevel.Warning,
        _ => LogLevel.Error,
    };
}
