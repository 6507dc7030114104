using System.Collections;
using System.Globalization;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>
/// Adds labels under <c>labels</c>, flattened as ECS wants them (one level of keyword values): <c>{a: {b: x}}</c>
/// becomes <c>labels["a.b"] = x</c> and list items get their index (<c>labels["list.0"]</c>), as Beats' <c>add_labels</c>.
/// </summary>
internal sealed class AddLabelsProcessor : IProcessor
{
    private readonly KeyValuePair<string, object?>[] _labels;

    public AddLabelsProcessor(AddLabelsOptions options, ProcessorSupport support)
    {
        Name = support.Name;
        var flat = new List<KeyValuePair<string, object?>>();
        Flatten(options.Labels!, string.Empty, flat);
        _labels = [.. flat];
    }

    public string Name { get; }

    public Event? Process(Event @event)
    {
        if (!@event.Fields.TryGetLocal("labels", out var existing) || existing is not FieldMap labels)
        {
            labels = new FieldMap(_labels.Length);
            @event.Fields["labels"] = labels;
        }
        else
        {
            labels = WritableMaps.Child(@event.Fields, "labels", labels);
        }

        foreach (var (key, value) in _labels)
        {
            labels[key] = value;
        }

        return @event;
    }

    private static void Flatten(object? value, string prefix, List<KeyValuePair<string, object?>> into)
    {
        switch (value)
        {
            case FieldMap map:
                foreach (var (key, child) in map)
                {
                    Flatten(child, prefix.Length == 0 ? key : prefix + "." + key, into);
                }

                break;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                {
                    Flatten(list[i], prefix + "." + i.ToString(CultureInfo.InvariantCulture), into);
                }

                break;
            default:
                into.Add(new(prefix, value));
                break;
        }
    }
}
