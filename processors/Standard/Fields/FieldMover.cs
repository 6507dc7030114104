using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>
/// <c>rename</c> and <c>copy_fields</c>: <c>{from, to}</c> pairs applied in order. They differ only in whether the
/// source stays: <c>rename</c> moves the value, <c>copy_fields</c> puts a deep copy (so later changes to one do not
/// show in the other). A missing source (unless <c>ignore_missing</c>) or a target that already exists is an error;
/// with <c>fail_on_error</c> the pairs already applied are undone (moved back, or the copies removed) and the error
/// goes to <c>error.message</c>, otherwise the failed pair is skipped and the error counted and logged.
/// </summary>
internal sealed class FieldMover : IProcessor
{
    private readonly FieldMove[] _moves;
    private readonly bool _keepSource;
    private readonly string _verb;
    private readonly bool _ignoreMissing;
    private readonly bool _failOnError;
    private readonly ProcessorErrors _errors;

    private FieldMover(FromToOptions options, ProcessorSupport support, bool keepSource)
    {
        Name = support.Name;
        _moves = FieldMove.Compile(options, support);
        _keepSource = keepSource;
        _verb = keepSource ? "copy" : "rename";
        _ignoreMissing = options.IgnoreMissing;
        _failOnError = options.FailOnError;
        _errors = support.Errors;
    }

    public string Name { get; }

    /// <summary>The <c>rename</c> processor: the source is removed.</summary>
    public static FieldMover Rename(FromToOptions options, ProcessorSupport support) => new(options, support, keepSource: false);

    /// <summary>The <c>copy_fields</c> processor: the source stays and the target gets a deep copy.</summary>
    public static FieldMover Copy(FromToOptions options, ProcessorSupport support) => new(options, support, keepSource: true);

    public Event? Process(Event @event)
    {
        Span<bool> applied = _moves.Length <= 64 ? stackalloc bool[_moves.Length] : new bool[_moves.Length];
        for (var i = 0; i < _moves.Length; i++)
        {
            var error = TryApply(@event, _moves[i], out applied[i]);
            if (error is null)
            {
                continue;
            }

            if (_failOnError)
            {
                Undo(@event, applied[..i]);
                _errors.Fail(@event, error);
                return @event;
            }

            _errors.Report(error);
        }

        return @event;
    }

    private string? TryApply(Event @event, FieldMove move, out bool applied)
    {
        applied = false;
        var (from, to) = move;
        if (!from.TryGet(@event, out var value))
        {
            return _ignoreMissing ? null : $"cannot {_verb} '{from}': the event has no such field";
        }

        if (to.Exists(@event))
        {
            return $"cannot {_verb} '{from}' to '{to}': the target exists; drop or rename it first";
        }

        if (_keepSource)
        {
            value = FieldValues.DeepCopy(value);
        }
        else
        {
            from.Remove(@event);
        }

        to.Put(@event, value);
        applied = true;
        return null;
    }

    private void Undo(Event @event, ReadOnlySpan<bool> applied)
    {
        for (var i = applied.Length - 1; i >= 0; i--)
        {
            var (from, to) = _moves[i];
            if (!applied[i] || !to.TryGet(@event, out var value))
            {
                continue;
            }

            to.Remove(@event);
            if (!_keepSource)
            {
                from.Put(@event, value);
            }
        }
    }
}
