using System.Diagnostics;

namespace Shipper.Modules.Auditd.Tests.Processing;

/// <summary>Runs the real <c>ausearch -i</c> on a log file: the reference interpretation of records.</summary>
internal static class Ausearch
{
    public static List<(string Type, Dictionary<string, string> Fields)> Interpret(string logFile)
    {
        var start = new ProcessStartInfo("ausearch") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-i", "--input", logFile])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var records = new List<(string, Dictionary<string, string>)>();
        foreach (var line in output.Split('\n'))
        {
            if (!line.StartsWith("type=", StringComparison.Ordinal))
            {
                continue;
            }

            var type = line[5..line.IndexOf(' ', StringComparison.Ordinal)];
            // ausearch -i writes "msg=audit(12/01/2026 22:56:06.123:1234) : key=value …".
            var header = line.IndexOf(") : ", StringComparison.Ordinal);
            var body = header >= 0 ? line[(header + 4)..] : line[(line.IndexOf("): ", StringComparison.Ordinal) + 3)..];
            var fields = new Dictionary<string, string>();
            if (type == "PROCTITLE" && body.StartsWith("proctitle=", StringComparison.Ordinal))
            {
                // The whole rest is the command line, which may hold "x=y" words of its own.
                fields["proctitle"] = body["proctitle=".Length..].Trim();
                records.Add((type, fields));
                continue;
            }

            foreach (var pair in SplitPairs(body))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    fields.TryAdd(pair[..equals], pair[(equals + 1)..].Trim());
                }
            }

            records.Add((type, fields));
        }

        return records;
    }

    /// <summary>ausearch -i prints proctitle and argument values with spaces unquoted only as the last field; split on " key=".</summary>
    private static IEnumerable<string> SplitPairs(string body)
    {
        var start = 0;
        for (var i = 1; i < body.Length; i++)
        {
            if (body[i - 1] == ' ' && IsKeyStart(body, i))
            {
                yield return body[start..(i - 1)];
                start = i;
            }
        }

        yield return body[start..];
    }

    private static bool IsKeyStart(string body, int index)
    {
        var equals = body.IndexOf('=', index);
        var space = body.IndexOf(' ', index);
        return equals > index && (space < 0 || equals < space) && body[index..equals].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
    }
}
