using System.Text;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>
/// Shortens text fields to <c>max_bytes</c> (UTF-8, never splitting a character) or <c>max_characters</c> (never
/// splitting a surrogate pair) and adds <c>truncated</c> to <c>log.flags</c> when it cut something, as Beats does.
/// A value that is not text is an error.
/// </summary>
internal sealed class TruncateFieldsProcessor : IProcessor
{
    private static readonly FieldPath LogFlags = FieldPath.TryParse("log.flags")!;

    private readonly FieldPath[] _fields;
    private readonly int? _maxBytes;
    private readonly int? _maxCharacters;
    private readonly bool _ignoreMissing;
    private readonly bool _failOnError;
    private readonly ProcessorErrors _errors;

    public TruncateFieldsProcessor(TruncateFieldsOptions options, ProcessorSupport support)
    {
        Name = support.Name;
        _fields = support.Paths("fields", options.Fields);
        _maxBytes = options.MaxBytes;
        _maxCharacters = options.MaxCharacters;
        _ignoreMissing = options.IgnoreMissing;
        _failOnError = options.FailOnError;
        _errors = support.Errors;
    }

    public string Name { get; }

    public Event? Process(Event @event)
    {
        List<(FieldPath, string)>? originals = null;
        foreach (var field in _fields)
        {
            string? error = null;
            if (!field.TryGet(@event, out var value))
            {
                error = _ignoreMissing ? null : $"cannot truncate '{field}': the event has no such field";
            }
            else if (value is not string text)
            {
                error = $"cannot truncate '{field}': it holds {FieldValues.Describe(value)}, not text";
            }
            else if (Truncate(text) is { } shorter)
            {
                (originals ??= []).Add((field, text));
                field.Put(@event, shorter);
            }

            if (error is null)
            {
                continue;
            }

            if (_failOnError)
            {
                foreach (var (path, original) in originals ?? [])
                {
                    path.Put(@event, original);
                }

                _errors.Fail(@event, error);
                return @event;
            }

            _errors.Report(error);
        }

        if (originals is not null)
        {
            FlagTruncated(@event);
        }

        return @event;
    }

    /// <summary>The shortened text, or null when it already fits.</summary>
    internal string? Truncate(string text)
    {
        if (_maxCharacters is { } chars)
        {
            if (text.Length <= chars)
            {
                return null;
            }

            var cut = char.IsHighSurrogate(text[chars - 1]) ? chars - 1 : chars;
            return text[..cut];
        }

        var maxBytes = _maxBytes!.Value;
        if (text.Length <= maxBytes / 3 || Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return null;
        }

        var length = 0;
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }

        return text[..length];
    }

    private static void FlagTruncated(Event @event)
    {
        switch (LogFlags.TryGet(@event, out var flags) ? flags : null)
        {
            case List<string> list when !list.Contains("truncated"):
                list.Add("truncated");
                break;
            case List<string>:
                break;
            case List<object?> objects when !objects.Contains("truncated"):
                objects.Add("truncated");
                break;
            case List<object?>:
                break;
            default:
                LogFlags.Put(@event, new List<string> { "truncated" });
                break;
        }
    }
}
