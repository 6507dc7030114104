namespace Shipper.Modules.Auditd.Rules;

/// <summary>
/// Reads rules written as in an auditctl rules file: one auditctl command line per line, words separated by
/// spaces or tabs, blank lines and lines starting with <c>#</c> skipped. Every line is compiled; the first bad one
/// throws a <see cref="RuleException"/> naming the source, the line and the offending option.
/// </summary>
public static class RuleTextParser
{
    private static readonly char[] Separators = [' ', '\t'];

    /// <summary>Compiles every line of <paramref name="text"/>, read from <paramref name="source"/> (a path or <c>audit_rules</c>).</summary>
    public static IReadOnlyList<RuleLine> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<RuleLine>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            if (TryParseLine(raw, source, number, out var line, out var error))
            {
                if (line is not null)
                {
                    lines.Add(line);
                }
            }
            else
            {
                throw error!;
            }
        }

        return lines;
    }

    /// <summary>
    /// Compiles one line: true with a null <paramref name="line"/> for blanks and comments; false with the error
    /// when auditctl would refuse it.
    /// </summary>
    public static bool TryParseLine(string raw, string source, int number, out RuleLine? line, out RuleException? error)
    {
        ArgumentNullException.ThrowIfNull(raw);
        line = null;
        error = null;
        var text = raw.TrimEnd('\r').Trim(Separators);
        if (text.Length == 0 || text[0] == '#')
        {
            return true;
        }

        try
        {
            var (kind, rule, control) = RuleLineCompiler.Compile(text.Split(Separators, StringSplitOptions.RemoveEmptyEntries));
            line = new RuleLine(source, number, text, kind, rule, control);
            return true;
        }
        catch (RuleSyntaxException e)
        {
            error = new RuleException(e.Message, source, number, text, e);
            return false;
        }
    }
}
