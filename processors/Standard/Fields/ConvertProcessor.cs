using System.Buffers;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>
/// Converts field values to another type (integer, long, float, double, string, boolean, ip), in place or into
/// <c>to</c>. All conversions are worked out before anything is written, so with <c>fail_on_error</c> a failure
/// leaves the event exactly as it was, with the error in <c>error.message</c>.
/// </summary>
internal sealed class ConvertProcessor : IProcessor
{
    private readonly (FieldPath From, FieldPath To, ConvertType? Type)[] _fields;
    private readonly bool _ignoreMissing;
    private readonly bool _failOnError;
    private readonly bool _rename;
    private readonly ProcessorErrors _errors;

    public ConvertProcessor(ConvertOptions options, ProcessorSupport support)
    {
        Name = options.Tag is { Length: > 0 } tag ? $"{support.Name} [{tag}]" : support.Name;
        _fields =
        [
            .. options.Fields.Select((f, i) =>
            {
                var from = support.Path($"fields.{i}.from", f.From);
                return (from, f.To is null ? from : support.Path($"fields.{i}.to", f.To), f.Type);
            }),
        ];
        _ignoreMissing = options.IgnoreMissing;
        _failOnError = options.FailOnError;
        _rename = options.Mode == ConvertMode.Rename;
        _errors = support.Errors;
    }

    public string Name { get; }

    public Event? Process(Event @event)
    {
        var results = ArrayPool<object?>.Shared.Rent(_fields.Length);
        Span<byte> state = _fields.Length <= 64 ? stackalloc byte[_fields.Length] : new byte[_fields.Length];
        try
        {
            string? firstError = null;
            for (var i = 0; i < _fields.Length; i++)
            {
                var error = Convert(@event, _fields[i], out results[i], out state[i]);
                if (error is not null)
                {
                    firstError ??= error;
                    if (!_failOnError)
                    {
                        _errors.Report(error);
                    }
                }
            }

            if (firstError is not null && _failOnError)
            {
                _errors.Fail(@event, firstError);
                return @event;
            }

            for (var i = 0; i < _fields.Length; i++)
            {
                if (state[i] == Converted)
                {
                    Write(@event, _fields[i].From, _fields[i].To, results[i]);
                }
            }

            return @event;
        }
        finally
        {
            Array.Clear(results, 0, _fields.Length);
            ArrayPool<object?>.Shared.Return(results);
        }
    }

    private const byte Skipped = 0;
    private const byte Converted = 1;

    private string? Convert(Event @event, (FieldPath From, FieldPath To, ConvertType? Type) field, out object? result, out byte state)
    {
        result = null;
        state = Skipped;
        if (!field.From.TryGet(@event, out var value))
        {
            return _ignoreMissing ? null : $"cannot convert '{field.From}': the event has no such field";
        }

        if (field.Type is not { } type)
        {
            result = value;
        }
        else if (!ValueConverter.TryConvert(value, type, out result))
        {
            return $"cannot convert '{field.From}' ({FieldValues.Describe(value)} '{FieldValues.ToText(value)}') to {type.ToString().ToLowerInvariant()}";
        }

        state = Converted;
        return null;
    }

    private void Write(Event @event, FieldPath from, FieldPath to, object? value)
    {
        if (_rename && !ReferenceEquals(from, to))
        {
            from.Remove(@event);
        }

        to.Put(@event, value);
    }
}
