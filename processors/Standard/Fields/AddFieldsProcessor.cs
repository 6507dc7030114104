using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>Adds fixed fields, merging into existing objects and overwriting values, as Beats' <c>add_fields</c>.</summary>
/// <remarks>The added objects and lists are frozen and shared between events (see <see cref="FieldMap.Freeze"/>).</remarks>
internal sealed class AddFieldsProcessor : IProcessor
{
    private readonly FieldMap _fields;
    private readonly FieldPath? _target;
    private readonly bool _metadata;

    public AddFieldsProcessor(AddFieldsOptions options, ProcessorSupport support)
    {
        Name = support.Name;
        // Frozen, the fields are shared by every event instead of copied into each (an event that changes them
        // later gets its own copy then), so adding them allocates nothing.
        _fields = options.Fields!.Freeze();
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
