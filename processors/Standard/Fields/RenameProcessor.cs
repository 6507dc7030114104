using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>
/// Moves fields, in order. A missing source (unless <c>ignore_missing</c>) or a target that already exists is an
/// error; with <c>fail_on_error</c> the renames already done are undone and the error goes to <c>error.message</c>.
/// </summary>
internal sealed class RenameProcessor : IProcessor
{
    private readonly FieldMove[] _moves;
    private readonly bool _ignoreMissing;
    private readonly bool _failOnError;
    private readonly ProcessorErrors _errors;

    public RenameProcessor(FromToOptions options, ProcessorSupport support)
    {
        Name = support.Name;
        _moves = FieldMove.Compile(options, support);
        _ignoreMissing = options.IgnoreMissing;
        _failOnError = options.FailOnError;
        _errors = support.Errors;
    }

    public string Name { get; }

    public Event? Process(Event @event)
    {
        Span<bool> moved = _moves.Length <= 64 ? stackalloc bool[_moves.Length] : new bool[_moves.Length];
        for (var i = 0; i < _moves.Length; i++)
        {
            var (from, to) = _moves[i];
            var error = TryMove(@event, from, to, out moved[i]);
            if (error is null)
            {
                continue;
            }

            if (_failOnError)
            {
                Undo(@event, moved[..i]);
                _errors.Fail(@event, error);
                return @event;
            }

            _errors.Report(error);
        }

        return @event;
    }

    private string? TryMove(Event @event, FieldPath from, FieldPath to, out bool moved)
    {
        moved = false;
        if (!from.TryGet(@event, out var value))
        {
            return _ignoreMissing ? null : $"cannot rename '{from}': the event has no such field";
        }

        if (to.Exists(@event))
        {
            return $"cannot rename '{from}' to '{to}': the target exists; drop or rename it first";
        }

        from.Remove(@event);
        to.Put(@event, value);
        moved = true;
        return null;
    }

    private void Undo(Event @event, ReadOnlySpan<bool> moved)
    {
        for (var i = moved.Length - 1; i >= 0; i--)
        {
            var (from, to) = _moves[i];
            if (moved[i] && to.TryGet(@event, out var value))
            {
                to.Remove(@event);
                from.Put(@event, value);
            }
        }
    }
}
