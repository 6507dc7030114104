using Shipper.Config;
using YamlDotNet.Core;

namespace Shipper.Core.Config;

/// <summary>Turns YamlDotNet's exception text into the reason alone; the position is reported separately.</summary>
internal static class YamlErrors
{
    /// <summary>
    /// Where the error is. YamlDotNet places a tab-indentation error at the start of the enclosing mapping,
    /// which is often line 1; the first line indented with a tab is what the user must fix.
    /// </summary>
    public static ConfigLocation Locate(YamlException e, string text, string source)
    {
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
                var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
                if (tab >= 0 && tab < indent)
                {
                    return new ConfigLocation(source, i + 1, tab + 1);
                }
            }
        }

        return new ConfigLocation(source, (int)e.Start.Line, (int)e.Start.Column);
    }

    public static string PlainReason(YamlException e)
    {
        // YamlDotNet formats "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): reason".
        var message = e.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0)
        {
            var second = message.IndexOf("): ", marker + 3, StringComparison.Ordinal);
            var cut = message.AsSpan(marker + 3).StartsWith("(Line:") && second > 0 ? second : marker;
            message = message[(cut + 3)..];
        }

        message = string.Join(' ', message.Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        return message.Length == 0 ? "syntax error" : char.ToLowerInvariant(message[0]) + message[1..];
    }
}
