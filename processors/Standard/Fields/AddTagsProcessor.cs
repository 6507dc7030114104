using System.Collections;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>
/// Appends tags to a list field, skipping tags already there (as the host does for the global <c>tags</c>). A single
/// text value becomes the list's first element; any other value in the way is an error and stays as it is.
/// </summary>
internal sealed class AddTagsProcessor : IProcessor
{
    private readonly string[] _tags;
    private readonly FieldPath _target;
    private readonly ProcessorErrors _errors;

    public AddTagsProcessor(AddTagsOptions options, ProcessorSupport support)
    {
        Name = support.Name;
        _tags = [.. options.Tags];
        _target = support.Path("target", options.Target);
        _errors = support.Errors;
    }

    public string Name { get; }

    public Event? Process(Event @event)
    {
        if (!_target.TryGet(@event, out var existing) || existing is null)
        {
            _target.Put(@event, new List<string>(_tags));
            return @event;
        }

        switch (existing)
        {
            case List<string> strings:
                AddMissing(strings);
                break;
            case string single:
                var list = new List<string>(_tags.Length + 1) { single };
                AddMissing(list);
                _target.Put(@event, list);
                break;
            case IList other:
                // A shared (read-only) list is replaced by the event's own copy.
                var writable = other.IsReadOnly || other.IsFixedSize ? new List<object?>(other.Cast<object?>()) : other;
                foreach (var tag in _tags)
                {
                    if (!writable.Contains(tag))
                    {
                        writable.Add(tag);
                    }
                }

                if (!ReferenceEquals(writable, other))
                {
                    _target.Put(@event, writable);
                }

                break;
            default:
                _errors.Report($"cannot add tags to '{_target}': it holds {FieldValues.Describe(existing)}, not a list");
                break;
        }

        return @event;
    }

    private void AddMissing(List<string> list)
    {
        foreach (var tag in _tags)
        {
            if (!list.Contains(tag))
            {
                list.Add(tag);
            }
        }
    }
}
