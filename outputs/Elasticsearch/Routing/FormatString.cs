using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Shipper.Events;

namespace Shipper.Outputs.Elasticsearch.Routing;

/// <summary>
/// A Beats format string such as <c>shipper-%{[agent.version]}-%{+yyyy.MM.dd}</c>: literal text, field references
/// <c>%{[dotted.path]}</c> (with an optional default, <c>%{[path]:fallback}</c>) and the event's UTC time
/// <c>%{+pattern}</c> (yyyy, MM, dd, HH, mm, ss as in .NET and Joda). Immutable and thread-safe.
/// </summary>
internal sealed class FormatString
{
    [ThreadStatic]
    private static StringBuilder? t_builder;

    private readonly Segment[] _segments;

    private FormatString(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The format as written.</summary>
    public string Text { get; }

    /// <summary>True when the string has no references (the result is always <see cref="Text"/>).</summary>
    public bool IsConstant => _segments.All(s => s.Kind == SegmentKind.Literal);

    public static FormatString Parse(string text) =>
        TryParse(text, out var format, out var error) ? format : throw new FormatException(error);

    public static bool TryParse(string text, [NotNullWhen(true)] out FormatString? format, [NotNullWhen(false)] out string? error)
    {
        format = null;
        var segments = new List<Segment>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("%{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                segments.Add(Segment.Literal(text[i..]));
                break;
            }

            if (open > i)
            {
                segments.Add(Segment.Literal(text[i..open]));
            }

            var close = text.IndexOf('}', open + 2);
            if (close < 0)
            {
                error = $"'%{{' at position {open} is never closed with '}}'";
                return false;
            }

            if (!TryParseReference(text[(open + 2)..close], out var segment, out error))
            {
                return false;
            }

            segments.Add(segment);
            i = close + 1;
        }

        format = new FormatString(text, [.. segments]);
        error = null;
        return true;
    }

    /// <summary>
    /// Renders the string for <paramref name="e"/>; returns false with the missing field when a reference has no
    /// value and no default.
    /// </summary>
    public bool TryRender(Event e, [NotNullWhen(true)] out string? result, [NotNullWhen(false)] out string? missing)
    {
        if (_segments.Length == 1 && _segments[0].Kind == SegmentKind.Literal)
        {
            result = Text;
            missing = null;
            return true;
        }

        var builder = t_builder ??= new StringBuilder(64);
        builder.Clear();
        foreach (var segment in _segments)
        {
            switch (segment.Kind)
            {
                case SegmentKind.Literal:
                    builder.Append(segment.Text);
                    break;
                case SegmentKind.Time:
                    builder.Append(e.Timestamp.UtcDateTime.ToString(segment.Text, CultureInfo.InvariantCulture));
                    break;
                default:
                    var value = e.Fields.GetValueOrDefault(segment.Text) ?? (segment.Text.StartsWith("@metadata.", StringComparison.Ordinal)
                        ? e.Metadata.GetValueOrDefault(segment.Text["@metadata.".Length..])
                        : null);
                    if (value is null or FieldMap or System.Collections.IList && segment.Default is null)
                    {
                        result = null;
                        missing = segment.Text;
                        return false;
                    }

                    builder.Append(value is null or FieldMap or System.Collections.IList ? segment.Default : Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        result = builder.ToString();
        missing = null;
        return true;
    }

    private static bool TryParseReference(string body, [NotNullWhen(true)] out Segment? segment, [NotNullWhen(false)] out string? error)
    {
        segment = null;
        if (body.StartsWith('+'))
        {
            var pattern = body[1..];
            if (pattern.Length == 0)
            {
                error = "'%{+}' needs a date pattern such as yyyy.MM.dd";
                return false;
            }

            segment = new Segment(SegmentKind.Time, pattern, null);
            error = null;
            return true;
        }

        var end = body.IndexOf(']', StringComparison.Ordinal);
        if (!body.StartsWith('[') || end < 2)
        {
            error = $"'%{{{body}}}' must be a field reference '%{{[field]}}' or a date '%{{+yyyy.MM.dd}}'";
            return false;
        }

        var rest = body[(end + 1)..];
        if (rest.Length > 0 && !rest.StartsWith(':'))
        {
            error = $"unexpected '{rest}' after '%{{{body[..(end + 1)]}'";
            return false;
        }

        segment = new Segment(SegmentKind.Field, body[1..end], rest.Length > 0 ? rest[1..] : null);
        error = null;
        return true;
    }

    private enum SegmentKind
    {
        Literal,
        Field,
        Time,
    }

    private sealed record Segment(SegmentKind Kind, string Text, string? Default)
    {
        public static Segment Literal(string text) => new(SegmentKind.Literal, text, null);
    }
}
