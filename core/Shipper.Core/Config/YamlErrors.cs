using YamlDotNet.Core;

namespace Shipper.Core.Config;

/// <summary>Turns YamlDotNet's exception text into the reason alone; the position is reported separately.</summary>
internal static class YamlErrors
{
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

        message = message.Trim().TrimEnd('.');
        return message.Length == 0 ? "syntax error" : char.ToLowerInvariant(message[0]) + message[1..];
    }
}
