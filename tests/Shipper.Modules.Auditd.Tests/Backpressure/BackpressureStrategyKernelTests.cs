using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Modules.Auditd.Tests.Kernel;
using Shipper.Modules.Auditd.Tests.Module;

namespace Shipper.Modules.Auditd.Tests.Backpressure;

/// <summary>
/// What each <c>backpressure_strategy</c> does to the kernel while the module runs, read back with <c>auditctl -s</c>,
/// and that stop puts back what the module changed. The kernel starts with backlog_wait_time 15000 and rate_limit 0.
/// </summary>
public class BackpressureStrategyKernelTests(KernelStateFixture kernel) : KernelTest(kernel)
{
    [KernelTheory]
    [InlineData(BackpressureStrategy.Auto, null, "0", "0")]
    [InlineData(BackpressureStrategy.Kernel, null, "0", "0")]
    [InlineData(BackpressureStrategy.Userspace, null, "15000", "5000")]
    [InlineData(BackpressureStrategy.Userspace, 700u, "15000", "700")]
    [InlineData(BackpressureStrategy.Both, null, "0", "5000")]
    [InlineData(BackpressureStrategy.None, null, "15000", "0")]
    public async Task While_running_the_kernel_has_the_strategys_settings_and_after_stop_its_own(
        BackpressureStrategy strategy, uint? rateLimit, string waitTimeWhileRunning, string rateLimitWhileRunning)
    {
        Auditctl.Run("-e", "0", "-r", "0", "--backlog_wait_time", "15000");
        var options = new AuditdOptions { SocketType = SocketType.Unicast, BackpressureStrategy = strategy };
        var keys = new HashSet<string>(StringComparer.Ordinal) { "socket_type", "backpressure_strategy" };
        if (rateLimit is { } limit)
        {
            options.RateLimit = limit;
            keys.Add("rate_limit");
        }

        options.ConfiguredKeys = keys;
        var module = new AuditdModule(options, NullLogger.Instance, new CollectingMetrics(), null, null);
        using var stop = new CancellationTokenSource();

        var run = module.RunAsync(new CollectingPipelineClient(), stop.Token);
        var whileRunning = await WaitForRegistration();
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        var after = Auditctl.Status();

        Assert.Equal(waitTimeWhileRunning, whileRunning["backlog_wait_time"]);
        Assert.Equal(rateLimitWhileRunning, whileRunning["rate_limit"]);
        Assert.Equal("15000", after["backlog_wait_time"]);
        Assert.Equal(rateLimit is null ? "0" : rateLimitWhileRunning, after["rate_limit"]);
        Assert.Equal("0", after["pid"]);
    }

    private static async Task<IReadOnlyDictionary<string, string>> WaitForRegistration()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var status = Auditctl.Status();
            if (status["pid"] == Environment.ProcessId.ToString() && status["enabled"] == "1")
            {
                // Settings are sent before the PID is registered, so they are in place by now.
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the module to register with the kernel");
            await Task.Delay(20);
        }
    }
}
