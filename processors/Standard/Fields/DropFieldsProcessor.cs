using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>
/// Removes fields. A field that is not there is an error (counted and logged; the event goes on with the other fields
/// removed) unless <c>ignore_missing</c>. <c>@timestamp</c> is never dropped.
/// </summary>
internal sealed class DropFieldsProcessor : IProcessor
{
    private readonly FieldPath[] _fields;
    private readonly bool _ignoreMissing;
    private readonly ProcessorErrors _errors;

    public DropFieldsProcessor(FieldListOptions options, ProcessorSupport support)
    {
        Name = support.Name;
        _fields = [.. support.Paths("fields", options.Fields).Where(p => p.Text != "@timestamp")];
        _ignoreMissing = options.IgnoreMissing;
        _errors = support.Errors;
    }

    public string Name { get; }

    public Event? Process(Event @event)
    {
        foreach (var field in _fields)
        {
            if (!field.Remove(@event) && !_ignoreMissing)
            {
                _errors.Report($"cannot drop '{field}': the event has no such field (set ignore_missing: true if that is expected)");
            }
        }

        return @event;
    }
}
