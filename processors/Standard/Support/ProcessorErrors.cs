using Microsoft.Extensions.Logging;
using Shipper.Events;
using Shipper.Monitoring;

namespace Shipper.Processors.Standard.Support;

/// <summary>
/// How a processor reports a failure without losing the event: counted in <c>libbeat.processors.errors</c> and
/// <c>processors.&lt;type&gt;.errors</c>, logged as a warning at most once per 10s per processor, and, when the
/// processor fails the event (<c>fail_on_error</c>), written to the event's <c>error.message</c>. Thread-safe.
/// </summary>
internal sealed class ProcessorErrors
{
    private static readonly FieldPath ErrorMessage = FieldPath.TryParse("error.message")!;

    private readonly MetricCounter _total;
    private readonly MetricCounter _byType;
    private readonly RateLimitedLog _log;
    private readonly ILogger _logger;
    private readonly string _processor;

    public ProcessorErrors(string type, string processor, IMetricsRegistry? metrics, ILogger logger, TimeProvider time)
    {
        _total = metrics?.Counter("libbeat.processors.errors") ?? new MetricCounter("libbeat.processors.errors");
        _byType = metrics?.Counter($"processors.{type}.errors") ?? new MetricCounter($"processors.{type}.errors");
        _log = new RateLimitedLog(time, TimeSpan.FromSeconds(10));
        _logger = logger;
        _processor = processor;
    }

    /// <summary>Failures of this processor's type so far (all instances).</summary>
    public long Count => _byType.Value;

    /// <summary>Counts and logs a failure; the event is left as it is.</summary>
    public void Report(string message)
    {
        _total.Increment();
        _byType.Increment();
        _log.Warn(_logger, _processor, message);
    }

    /// <summary>Counts and logs a failure and records it in the event's <c>error.message</c> (a list when there are several).</summary>
    public void Fail(Event @event, string message)
    {
        Report(message);
        var text = $"{_processor}: {message}";
        if (!ErrorMessage.TryGet(@event, out var existing) || existing is null)
        {
            ErrorMessage.Put(@event, text);
        }
        else if (existing is List<object?> list)
        {
            list.Add(text);
        }
        else
        {
            ErrorMessage.Put(@event, new List<object?> { existing, text });
        }
    }
}
