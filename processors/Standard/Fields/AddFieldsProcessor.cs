using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>Adds fixed fields, merging into existing objects and overwriting values, as Beats' <c>add_fields</c>.</summary>
internal sealed class AddFieldsProcessor : IProcessor
{
    private readonly FieldMap _fields;
    private readonly FieldPath? _target;
    private readonly bool _metadata;

    public AddFieldsProcessor(AddFieldsOptions options, ProcessorSupport support)
    {
        Name = support.Name;
        _fields = options.Fields!;
        _metadata = options.Target == "@metadata";
        _target = options.Target.Length == 0 || _metadata ? null : support.Path("target", options.Target);
    }

    public string Name { get; }

    public Event? Process(Event @event)
    {
        if (_target is null)
        {
            FieldValues.DeepMerge(_metadata ? @event.Metadata : @event.Fields, _fields);
        }
        else if (_target.WritableMap(@event) is { } map)
        {
            FieldValues.DeepMerge(map, _fields);
        }
        else
        {
            _target.Put(@event, FieldValues.DeepCopy(_fields));
        }

        return @event;
    }
}
