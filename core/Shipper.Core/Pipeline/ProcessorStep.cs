using Microsoft.Extensions.Logging;
using Shipper.Events;
using Shipper.Monitoring;
using Shipper.Processors;

namespace Shipper.Core.Pipeline;

/// <summary>
/// Runs one processor so that a processor that throws cannot lose the event: the failure is counted in
/// <c>libbeat.processors.errors</c>, logged at most once per 10s per processor, and the event goes on unchanged.
/// </summary>
internal sealed class ProcessorStep
{
    private readonly IProcessor _processor;
    private readonly MetricCounter _errors;
    private readonly ILogger _logger;
    private readonly RateLimitedLog _errorLog;

    public ProcessorStep(IProcessor processor, MetricCounter errors, ILogger logger, RateLimitedLog errorLog)
    {
        _processor = processor;
        _errors = errors;
        _logger = logger;
        _errorLog = errorLog;
    }

    public Event? Run(Event @event)
    {
        try
        {
            return _processor.Process(@event);
        }
#pragma warning disable CA1031 // A faulty processor must not lose the event or kill the module's receive loop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _errors.Increment();
            _errorLog.Warn(_logger, ex, "Processor failed, event passed on unchanged", _processor.Name);
            return @event;
        }
    }
}
