using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>
/// Copies fields (deep copies, so later changes to one do not show in the other). A missing source (unless
/// <c>ignore_missing</c>) or an existing target is an error; with <c>fail_on_error</c> the copies already made are
/// removed again and the error goes to <c>error.message</c>.
/// </summary>
internal sealed class CopyFieldsProcessor : IProcessor
{
    private readonly FieldMove[] _copies;
    private readonly bool _ignoreMissing;
    private readonly bool _failOnError;
    private readonly ProcessorErrors _errors;

    public CopyFieldsProcessor(FromToOptions options, ProcessorSupport support)
    {
        Name = support.Name;
        _copies = FieldMove.Compile(options, support);
        _ignoreMissing = options.IgnoreMissing;
        _failOnError = options.FailOnError;
        _errors = support.Errors;
    }

    public string Name { get; }

    public Event? Process(Event @event)
    {
        Span<bool> copied = _copies.Length <= 64 ? stackalloc bool[_copies.Length] : new bool[_copies.Length];
        for (var i = 0; i < _copies.Length; i++)
        {
            var (from, to) = _copies[i];
            string? error = null;
            if (!from.TryGet(@event, out var value))
            {
                error = _ignoreMissing ? null : $"cannot copy '{from}': the event has no such field";
            }
            else if (to.Exists(@event))
            {
                error = $"cannot copy '{from}' to '{to}': the target exists";
            }
            else
            {
                to.Put(@event, FieldValues.DeepCopy(value));
                copied[i] = true;
            }

            if (error is null)
            {
                continue;
            }

            if (_failOnError)
            {
                for (var j = i - 1; j >= 0; j--)
                {
                    if (copied[j])
                    {
                        _copies[j].To.Remove(@event);
                    }
                }

                _errors.Fail(@event, error);
                return @event;
            }

            _errors.Report(error);
        }

        return @event;
    }
}
