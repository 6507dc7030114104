using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Modules.Auditd.Tests.Kernel;
using Shipper.Testing;

namespace Shipper.Modules.Auditd.Tests.Module;

public class AuditdModuleKernelTests(KernelStateFixture kernel) : KernelTest(kernel)
{
    private const string Key = "shipper-module-test";

    [KernelTheory]
    [InlineData(SocketType.Unicast)]
    [InlineData(SocketType.Multicast)]
    public async Task A_watched_write_is_published_and_stop_leaves_the_kernel_as_found(SocketType socketType)
    {
        using var temp = new TempDirectory();
        var file = temp.Write("watched", "before");
        Auditctl.Run("-e", "0", "-b", "64", "-f", "1", "--backlog_wait_time", "15000");
        Auditctl.Run("-w", file, "-p", "wa", "-k", Key);
        var before = Auditctl.StatusLines();
        var pipeline = new CollectingPipelineClient();
        var metrics = new CollectingMetrics();
        var module = new AuditdModule(new AuditdOptions { SocketType = socketType }, NullLogger.Instance, metrics, null, null);
        using var stop = new CancellationTokenSource();

        var run = module.RunAsync(pipeline, stop.Token);
        await WaitUntil(() => Auditctl.Status()["enabled"] == "1" && (socketType == SocketType.Multicast || Auditctl.Status()["pid"] != "0"));
        using (var writer = System.Diagnostics.Process.Start("/bin/sh", ["-c", $"echo after > '{file}'"]))
        {
            await writer.WaitForExitAsync();
        }

        pipeline.WaitFor(e => e.Any(IsKeyedSyscall), TimeSpan.FromSeconds(10));
        var pidWhileRunning = Auditctl.Status()["pid"];
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(socketType == SocketType.Unicast ? Environment.ProcessId.ToString() : "0", pidWhileRunning);
        Assert.Equal(Stable(before), Stable(Auditctl.StatusLines()));
        Assert.True(metrics.Value("auditd.received_msgs") > 0);
    }

    [KernelFact]
    public async Task Configured_rules_stay_installed_after_stop_but_the_rule_excluding_the_shippers_own_pid_goes()
    {
        var options = new AuditdOptions { SocketType = SocketType.Unicast, AuditRules = $"-a always,exit -F arch=b64 -S getppid -k {Key}" };
        options.LoadedRuleCount = new Shipper.Modules.Auditd.Rules.KernelRuleInstaller().Validate(options);
        var module = new AuditdModule(options, NullLogger.Instance, new CollectingMetrics(), null, new Shipper.Modules.Auditd.Rules.KernelRuleInstaller());
        using var stop = new CancellationTokenSource();

        var run = module.RunAsync(new CollectingPipelineClient(), stop.Token);
        await WaitUntil(() => Auditctl.Status()["pid"] == Environment.ProcessId.ToString());
        var whileRunning = Auditctl.Rules();
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([$"-a never,exit -S all -F pid={Environment.ProcessId}", $"-a always,exit -F arch=b64 -S getppid -F key={Key}"], whileRunning);
        Assert.Equal([$"-a always,exit -F arch=b64 -S getppid -F key={Key}"], Auditctl.Rules());
    }

    private static bool IsKeyedSyscall(Shipper.Events.Event e) =>
        e.Fields.GetValueOrDefault("auditd.message_type") is "syscall" && e.Fields.GetValueOrDefault("tags") is List<object?> tags && tags.Contains(Key);

    private static string[] Stable(IEnumerable<string> lines) =>
        [.. lines.Where(l => !l.StartsWith("lost ") && !l.StartsWith("backlog ") && !l.StartsWith("backlog_wait_time_actual"))];

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the module to start");
            await Task.Delay(20);
        }
    }
}
