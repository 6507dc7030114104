using System.Diagnostics;

namespace Shipper.Modules.Auditd.Tests.Kernel;

/// <summary>Runs the real <c>auditctl</c>, the reference the module is compared with.</summary>
public static class Auditctl
{
    /// <summary>Runs <c>auditctl</c> with <paramref name="arguments"/>; throws with its output when it fails.</summary>
    public static string Run(params string[] arguments)
    {
        var (exitCode, output) = TryRun(arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"auditctl {string.Join(' ', arguments)} exited {exitCode}: {output}");
        }

        return output;
    }

    public static (int ExitCode, string Output) TryRun(params string[] arguments)
    {
        var start = new ProcessStartInfo("auditctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start auditctl");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    /// <summary>The lines of <c>auditctl -l</c>, without the "No rules" line.</summary>
    public static IReadOnlyList<string> Rules() =>
        [.. Run("-l").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l != "No rules")];

    /// <summary><c>auditctl -s</c> as name → value (the first word after the name).</summary>
    public static IReadOnlyDictionary<string, string> Status() =>
        StatusLines().ToDictionary(l => l.Split(' ')[0], l => l.Split(' ')[1]);

    /// <summary>The lines of <c>auditctl -s</c> in order.</summary>
    public static IReadOnlyList<string> StatusLines() =>
        [.. Run("-s").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
