using Microsoft.Extensions.Logging;
using Shipper.Events;
using Shipper.Monitoring;
using Shipper.Processors;

namespace Shipper.Core.Pipeline;

/// <summary>
/// What happens to an event on the publishing thread before it enters the queue, in Beats' order: the global
/// fields and tags; the client's fields, tags and index (a client field wins over a global one of the same name,
/// global tags come first); the client's processors (which see both); the built-in fields; the global
/// processors. Stateless apart from the processors themselves, so one chain serves concurrent publishers.
/// </summary>
internal sealed class ProcessingChain
{
    private readonly FieldEnricher _client;
    private readonly ProcessorStep[] _clientProcessors;
    private readonly FieldEnricher _builtIn;
    private readonly FieldEnricher _global;
    private readonly ProcessorStep[] _globalProcessors;

    public ProcessingChain(PipelineSettings pipeline, ClientSettings client, FieldEnricher builtIn, MetricCounter errors, ILogger logger, Func<IProcessor, RateLimitedLog> errorLogs)
    {
        _client = FieldEnricher.Create(client.Fields, client.FieldsUnderRoot, client.Tags, client.Index);
        _clientProcessors = Steps(client.Processors, errors, logger, errorLogs);
        _builtIn = builtIn;
        _global = FieldEnricher.Create(pipeline.Fields, pipeline.FieldsUnderRoot, pipeline.Tags);
        _globalProcessors = Steps(pipeline.GlobalProcessors, errors, logger, errorLogs);
    }

    /// <summary>Returns the event to queue, or null when a processor dropped it.</summary>
    public Event? Run(Event @event)
    {
        if (!_global.IsEmpty)
        {
            _global.Apply(@event);
        }

        if (!_client.IsEmpty)
        {
            _client.Apply(@event);
        }

        var current = RunAll(_clientProcessors, @event);
        if (current is null)
        {
            return null;
        }

        _builtIn.Apply(current);
        return RunAll(_globalProcessors, current);
    }

    private static Event? RunAll(ProcessorStep[] steps, Event @event)
    {
        Event? current = @event;
        for (var i = 0; i < steps.Length && current is not null; i++)
        {
            current = steps[i].Run(current);
        }

        return current;
    }

    private static ProcessorStep[] Steps(IReadOnlyList<IProcessor> processors, MetricCounter errors, ILogger logger, Func<IProcessor, RateLimitedLog> errorLogs) =>
        [.. processors.Select(p => new ProcessorStep(p, errors, logger, errorLogs(p)))];
}
