using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>
/// Keeps only the listed fields (with their nesting) and drops every other field. <c>@timestamp</c> and
/// <c>@metadata</c> always stay. Listed fields that are missing are simply not there afterwards.
/// </summary>
internal sealed class IncludeFieldsProcessor : IProcessor
{
    private readonly FieldPath[] _fields;

    public IncludeFieldsProcessor(FieldListOptions options, ProcessorSupport support)
    {
        Name = support.Name;
        _fields = support.Paths("fields", options.Fields);
    }

    public string Name { get; }

    public Event? Process(Event @event)
    {
        var kept = new Event(@event.Timestamp);
        foreach (var field in _fields)
        {
            if (field.TryGet(@event, out var value))
            {
                field.Put(kept, value);
            }
        }

        @event.Fields.Clear();
        foreach (var (key, value) in kept.Fields)
        {
            @event.Fields[key] = value;
        }

        return @event;
    }
}
