using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Flow;

/// <summary>
/// Runs <c>then</c> for matching events and <c>else</c> for the others; a processor in either list may drop the event.
/// A nested processor that throws (a third-party one; the standard ones never do) is counted and logged, and the
/// event goes on to the next one, as at the top level.
/// </summary>
internal sealed class IfProcessor(ProcessorSupport support, ICondition condition, IProcessor[] then, IProcessor[] otherwise) : IProcessor
{
    private readonly ProcessorErrors _errors = support.Errors;

    public string Name { get; } = support.Name;

    public Event? Process(Event @event)
    {
        var chain = condition.Matches(@event) ? then : otherwise;
        Event? current = @event;
        for (var i = 0; i < chain.Length && current is not null; i++)
        {
            current = Run(chain[i], current);
        }

        return current;
    }

    private Event? Run(IProcessor processor, Event @event)
    {
        try
        {
            return processor.Process(@event);
        }
#pragma warning disable CA1031 // A faulty nested processor must not lose the event, as at the top level.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _errors.Report($"{processor.Name} threw {e.GetType().Name}: {e.Message}");
            return @event;
        }
    }
}
