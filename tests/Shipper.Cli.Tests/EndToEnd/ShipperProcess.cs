using System.Diagnostics;
using System.Text;

namespace Shipper.Cli.Tests.EndToEnd;

/// <summary>The real <c>shipper</c> executable of the release layout, run as a child process.</summary>
internal sealed class ShipperProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();
    private readonly Lock _gate = new();

    private ShipperProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_out, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Out
    {
        get
        {
            lock (_gate)
            {
                return _out.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    public static ShipperProcess Start(string executable, params string[] args)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new ShipperProcess(Process.Start(info)!);
    }

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string executable, params string[] args)
    {
        using var process = Start(executable, args);
        var code = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (code, process.Out, process.Error);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"shipper did not exit within {timeout}; stderr:\n{Error}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until stdout holds <paramref name="lines"/> lines.</summary>
    public async Task WaitForLinesAsync(int lines, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length < lines)
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"expected {lines} lines on stdout; got:\n{Out}\nstderr:\n{Error}");
            }

            await Task.Delay(50);
        }
    }

    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.Append(line).Append('\n');
        }
    }
}
