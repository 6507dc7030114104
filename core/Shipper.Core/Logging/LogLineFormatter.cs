using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Shipper.Core.Logging;

/// <summary>Formats one log entry as plain text or as an ECS JSON line.</summary>
public sealed class LogLineFormatter(bool json)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Formats an entry at <paramref name="time"/>.</summary>
    public string Format(DateTimeOffset time, LogLevel level, string category, string message, Exception? exception)
    {
        var stamp = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return json ? FormatJson(stamp, level, category, message, exception) : FormatText(stamp, level, category, message, exception);
    }

    /// <summary>The level names Beats uses.</summary>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "critical",
    };

    private static string FormatText(string stamp, LogLevel level, string category, string message, Exception? exception)
    {
        var line = new StringBuilder(stamp.Length + message.Length + 32)
            .Append(stamp).Append(' ').Append(LevelName(level).ToUpperInvariant().PadRight(5))
            .Append(" [").Append(category).Append("] ").Append(message);
        if (exception is not null)
        {
            line.Append(": ").Append(exception.GetType().Name).Append(": ").Append(exception.Message);
        }

        return line.ToString();
    }

    private static string FormatJson(string stamp, LogLevel level, string category, string message, Exception? exception)
    {
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("@timestamp", stamp);
            writer.WriteString("log.level", LevelName(level));
            writer.WriteString("log.logger", category);
            writer.WriteString("message", message);
            if (exception is not null)
            {
                writer.WriteString("error.type", exception.GetType().FullName);
                writer.WriteString("error.message", exception.Message);
                writer.WriteString("error.stack_trace", exception.ToString());
            }

            writer.WriteString("ecs.version", "1.6.0");
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
