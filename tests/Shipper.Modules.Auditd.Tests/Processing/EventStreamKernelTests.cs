using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Events;
using Shipper.Modules.Auditd.Tests.Kernel;
using Shipper.Modules.Auditd.Tests.Module;
using Shipper.Testing;

namespace Shipper.Modules.Auditd.Tests.Processing;

/// <summary>
/// The whole live chain against the real kernel: rules installed with auditctl, child processes make the syscalls,
/// the module receives, reassembles and normalises them; fields are checked and compared with <c>ausearch -i</c>
/// reading the same records.
/// </summary>
public class EventStreamKernelTests(KernelStateFixture kernel) : KernelTest(kernel)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly string Self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [KernelFact]
    public async Task Execve_watch_connect_and_a_denied_open_arrive_complete_with_the_fields_ausearch_shows()
    {
        using var temp = new TempDirectory();
        var watched = temp.Write("watched", "x");
        var secret = temp.Write("secret", "s");
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetUnixFileMode(temp.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
        Auditctl.Run("-a", "always,exit", "-F", "arch=b64", "-S", "execve", "-F", $"ppid={Self}", "-F", "key=shipper-exec");
        Auditctl.Run("-w", watched, "-p", "wa", "-k", "shipper-watch");
        Auditctl.Run("-a", "always,exit", "-F", "arch=b64", "-S", "connect", "-F", $"ppid={Self}", "-F", "key=shipper-net");
        Auditctl.Run("-a", "always,exit", "-F", "arch=b64", "-S", "openat", "-F", "exit=-EACCES", "-F", "auid>=0", "-F", "key=shipper-denied");
        var pipeline = new CollectingPipelineClient();
        await using var running = await RunningModule.StartAsync(pipeline, new AuditdOptions { SocketType = SocketType.Unicast, IncludeRawMessage = true });

        await Run("/usr/bin/echo", "hello world", "");
        await Run("/bin/sh", "-c", $"echo more >> '{watched}'");
        await Run("/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9 || true");
        await Run("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/cat", secret);

        var exec = pipeline.WaitForTagged("shipper-exec", e => Strings(e, "process.args").FirstOrDefault() == "/usr/bin/echo", Wait);
        Assert.Equal(["/usr/bin/echo", "hello world", ""], Strings(exec, "process.args"));
        Assert.Equal(("executed", "success", "execve"), (exec.Fields.GetValueOrDefault("event.action"), exec.Fields.GetValueOrDefault("event.outcome"), exec.Fields.GetValueOrDefault("auditd.data.syscall")));
        Assert.Equal("/usr/bin/echo", exec.Fields.GetValueOrDefault("process.executable"));
        Assert.Equal(Environment.ProcessId, exec.Fields.GetValueOrDefault("process.parent.pid"));
        Assert.Equal(("0", "root"), (exec.Fields.GetValueOrDefault("user.id"), exec.Fields.GetValueOrDefault("user.name")));
        Assert.StartsWith("/usr/bin/echo hello world", (string?)exec.Fields.GetValueOrDefault("process.title"), StringComparison.Ordinal);
        AssertSameAsAusearch(exec);

        var write = pipeline.WaitForTagged("shipper-watch", e => e.Fields.GetValueOrDefault("file.path") is string p && p.EndsWith("watched", StringComparison.Ordinal), Wait);
        Assert.Equal(new object?[] { "file" }, (List<object?>)write.Fields.GetValueOrDefault("event.category")!);
        Assert.Equal("/bin/sh", ((string)write.Fields.GetValueOrDefault("process.executable")!).Replace("/usr", string.Empty, StringComparison.Ordinal).Replace("dash", "sh", StringComparison.Ordinal));
        AssertSameAsAusearch(write);

        var connect = pipeline.WaitForTagged("shipper-net", e => e.Fields.ContainsPath("destination.ip"), Wait);
        Assert.Equal(("127.0.0.1", 9, "egress"), (connect.Fields.GetValueOrDefault("destination.ip"), connect.Fields.GetValueOrDefault("destination.port"), connect.Fields.GetValueOrDefault("network.direction")));
        Assert.Equal("ipv4", connect.Fields.GetValueOrDefault("auditd.data.socket.family"));
        AssertSameAsAusearch(connect);

        var denied = pipeline.WaitForTagged("shipper-denied", e => e.Fields.GetValueOrDefault("file.path") is string p && p.EndsWith("secret", StringComparison.Ordinal), Wait);
        Assert.Equal(("EACCES", "failure", "65534"), (denied.Fields.GetValueOrDefault("auditd.data.exit"), denied.Fields.GetValueOrDefault("event.outcome"), denied.Fields.GetValueOrDefault("user.id")));
        Assert.Equal("/usr/bin/cat", denied.Fields.GetValueOrDefault("process.executable"));
        AssertSameAsAusearch(denied);

        Assert.DoesNotContain(pipeline.Events, e => Strings(e, "tags").Contains("auditd_incomplete"));
    }

    [KernelFact]
    public async Task A_bind_arrives_as_a_bound_socket_with_the_local_address_ausearch_shows()
    {
        var port = FreeTcpPort();
        Auditctl.Run("-a", "always,exit", "-F", "arch=b64", "-S", "bind", "-F", $"ppid={Self}", "-F", "key=shipper-bind");
        var pipeline = new CollectingPipelineClient();
        await using var running = await RunningModule.StartAsync(pipeline, new AuditdOptions { SocketType = SocketType.Unicast, IncludeRawMessage = true });

        await Run("/usr/bin/perl", "-MSocket", "-e", $"socket(S, PF_INET, SOCK_STREAM, 0) or die; bind(S, sockaddr_in({port}, inet_aton('127.0.0.1'))) or die");

        var bind = pipeline.WaitForTagged("shipper-bind", e => e.Fields.GetValueOrDefault("auditd.data.syscall") as string == "bind", Wait);
        Assert.Equal(("bound-socket", "success"), (bind.Fields.GetValueOrDefault("event.action"), bind.Fields.GetValueOrDefault("event.outcome")));
        Assert.Equal(new object?[] { "network" }, (List<object?>)bind.Fields.GetValueOrDefault("event.category")!);
        Assert.Equal("ipv4", bind.Fields.GetValueOrDefault("auditd.data.socket.family"));
        Assert.Equal("127.0.0.1", bind.Fields.GetValueOrDefault("auditd.data.socket.addr"));
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), bind.Fields.GetValueOrDefault("auditd.data.socket.port")?.ToString());
        Assert.Equal("/usr/bin/perl", bind.Fields.GetValueOrDefault("process.executable"));
        AssertSameAsAusearch(bind);
        Assert.DoesNotContain("auditd_incomplete", Strings(bind, "tags"));
    }

    [KernelFact]
    public async Task Several_processes_hammering_an_audited_syscall_give_every_event_once_and_whole()
    {
        const int Processes = 4;
        const int OpensEach = 1500;
        using var temp = new TempDirectory();
        var target = temp.Write("target", "t");
        Auditctl.Run("-a", "always,exit", "-F", "arch=b64", "-S", "openat", "-F", $"path={target}", "-F", "key=shipper-storm");
        var pipeline = new CollectingPipelineClient();
        // A large socket buffer: this machine's two cores are shared with the storm and other builds.
        var options = new AuditdOptions { SocketType = SocketType.Unicast, BackpressureStrategy = BackpressureStrategy.None, ReceiveBufferSize = 64 << 20 };
        await using (var running = await RunningModule.StartAsync(pipeline, options))
        {
            var storms = Enumerable.Range(0, Processes)
                .Select(_ => Run("/bin/bash", "-c", $"for i in $(seq {OpensEach}); do : < '{target}'; done"))
                .ToArray();
            await Task.WhenAll(storms);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (pipeline.Events.Count(IsStorm) < Processes * OpensEach && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            await Task.Delay(500);
            var metrics = string.Join(", ", running.Metrics.Snapshot().Select(p => $"{p.Key}={p.Value}"));
            Assert.True(pipeline.Events.Count(IsStorm) == Processes * OpensEach, $"{pipeline.Events.Count(IsStorm)} storm events; {metrics}; {string.Join(' ', Auditctl.StatusLines())}");
            Assert.Equal(0, running.Metrics.Value("auditd.reassembler_seq_gaps"));
        }

        var storm = pipeline.Events.Where(IsStorm).ToList();
        Assert.Equal(Processes * OpensEach, storm.Count);
        Assert.Equal(storm.Count, storm.Select(e => e.Fields.GetValueOrDefault("auditd.sequence")).Distinct().Count());
        Assert.All(storm, e =>
        {
            Assert.Equal("openat", e.Fields.GetValueOrDefault("auditd.data.syscall"));
            Assert.Equal(target, e.Fields.GetValueOrDefault("file.path"));
            Assert.NotNull(e.Fields.GetValueOrDefault("process.title"));
            Assert.NotNull(e.Fields.GetValueOrDefault("process.working_directory"));
            Assert.DoesNotContain("auditd_incomplete", Strings(e, "tags"));
        });
    }

    private static int FreeTcpPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsStorm(Event e) => Strings(e, "tags").Contains("shipper-storm");

    private static List<string> Strings(Event e, string path) =>
        e.Fields.GetValueOrDefault(path) is List<object?> list ? [.. list.Cast<string>()] : [];

    /// <summary>Feeds the event's raw records to <c>ausearch -i</c> and compares its interpretation of the SYSCALL record with our document.</summary>
    private static void AssertSameAsAusearch(Event e)
    {
        using var temp = new TempDirectory();
        var log = temp.Write("audit.log", string.Join('\n', Strings(e, "event.original")) + "\n");
        var interpreted = Ausearch.Interpret(log);
        var syscall = interpreted.Single(r => r.Type == "SYSCALL").Fields;
        Assert.Equal(syscall["syscall"], e.Fields.GetValueOrDefault("auditd.data.syscall"));
        Assert.Equal(syscall["success"] == "yes" ? "success" : "failure", e.Fields.GetValueOrDefault("event.outcome"));
        Assert.Equal(syscall["exit"].Split('(')[0], e.Fields.GetValueOrDefault("auditd.data.exit"));
        Assert.Equal(syscall["exe"], e.Fields.GetValueOrDefault("process.executable"));
        Assert.Equal(syscall["comm"], e.Fields.GetValueOrDefault("process.name"));
        Assert.Equal(syscall["uid"], e.Fields.GetValueOrDefault("user.name") ?? e.Fields.GetValueOrDefault("user.id"));
        Assert.Equal(syscall["arch"], e.Fields.GetValueOrDefault("auditd.data.arch"));
        Assert.Equal(syscall["key"], string.Join(',', Strings(e, "tags")));
        if (interpreted.FirstOrDefault(r => r.Type == "PROCTITLE") is { } proctitle)
        {
            Assert.Equal(proctitle.Fields["proctitle"], e.Fields.GetValueOrDefault("process.title"));
        }
    }

    private static async Task Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
    }

    /// <summary>The module running on a real kernel, stopped (and waited for) on dispose.</summary>
    private sealed class RunningModule : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _run = Task.CompletedTask;

        public CollectingMetrics Metrics { get; } = new();

        public static async Task<RunningModule> StartAsync(CollectingPipelineClient pipeline, AuditdOptions options)
        {
            var running = new RunningModule();
            var module = new AuditdModule(options, NullLogger.Instance, running.Metrics, null, null);
            running._run = module.RunAsync(pipeline, running._stop.Token);
            var deadline = DateTime.UtcNow + Wait;
            while (Auditctl.Status()["pid"] != Self)
            {
                Assert.True(DateTime.UtcNow < deadline, "the module did not register as the audit daemon");
                Assert.False(running._run.IsFaulted, running._run.Exception?.ToString());
                await Task.Delay(20);
            }

            return running;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run.WaitAsync(TimeSpan.FromSeconds(15));
            _stop.Dispose();
        }
    }
}
