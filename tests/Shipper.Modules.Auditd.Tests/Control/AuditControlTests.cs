using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Modules.Auditd.Control;
using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Tests.Control;

public class AuditControlTests
{
    private static readonly uint Self = (uint)Environment.ProcessId;

    [Fact]
    public void Unicast_start_applies_the_defaults_and_stop_puts_back_what_was_found()
    {
        var kernel = new FakeAuditKernel(enabled: 0, failure: 1, backlogLimit: 64, backlogWaitTime: 15000);
        var control = Control(kernel, new AuditdOptions());

        control.Apply(AuditSocketMode.Unicast);
        var applied = (kernel.Enabled, kernel.Failure, kernel.BacklogLimit, kernel.RateLimit, kernel.BacklogWaitTime);
        control.Restore();

        Assert.Equal((1u, 0u, 8192u, 0u, 0u), applied);
        Assert.Equal((0u, 1u, 64u, 0u, 15000u), (kernel.Enabled, kernel.Failure, kernel.BacklogLimit, kernel.RateLimit, kernel.BacklogWaitTime));
    }

    [Fact]
    public void Only_the_settings_that_differ_are_sent()
    {
        var kernel = new FakeAuditKernel(enabled: 1, failure: 0, backlogLimit: 8192, backlogWaitTime: 0);

        Control(kernel, new AuditdOptions()).Apply(AuditSocketMode.Unicast);

        Assert.Empty(kernel.Sets);
    }

    [Fact]
    public void Settings_the_user_configured_stay_after_stop()
    {
        var kernel = new FakeAuditKernel(enabled: 0, failure: 1, backlogLimit: 64);
        var options = Configured(new AuditdOptions { BacklogLimit = 16384, FailureMode = FailureMode.Log }, "backlog_limit", "failure_mode");
        var control = Control(kernel, options);

        control.Apply(AuditSocketMode.Unicast);
        control.Restore();

        Assert.Equal((0u, 1u, 16384u, 15000u), (kernel.Enabled, kernel.Failure, kernel.BacklogLimit, kernel.BacklogWaitTime));
    }

    [Fact]
    public void Multicast_turns_auditing_on_and_applies_only_configured_settings()
    {
        var kernel = new FakeAuditKernel(enabled: 0, failure: 1, backlogLimit: 64, backlogWaitTime: 15000);
        var control = Control(kernel, Configured(new AuditdOptions { RateLimit = 100 }, "rate_limit"));

        control.Apply(AuditSocketMode.Multicast);

        Assert.Equal((1u, 1u, 64u, 100u, 15000u, 0u), (kernel.Enabled, kernel.Failure, kernel.BacklogLimit, kernel.RateLimit, kernel.BacklogWaitTime, kernel.Pid));
        Assert.DoesNotContain(kernel.Sets, s => (s.Mask & (uint)AuditStatusMask.Pid) != 0);
    }

    [Fact]
    public void The_userspace_strategy_sets_a_rate_limit_of_5000_when_none_is_configured_and_stop_removes_it()
    {
        var kernel = new FakeAuditKernel(enabled: 1, rateLimit: 0);
        var control = Control(kernel, new AuditdOptions { BackpressureStrategy = BackpressureStrategy.Userspace });

        control.Apply(AuditSocketMode.Unicast);
        var applied = kernel.RateLimit;
        control.Restore();

        Assert.Equal(5000u, applied);
        Assert.Equal(0u, kernel.RateLimit);
        Assert.Equal(new BackpressurePlan(Kernel: false, Userspace: true), control.Backpressure);
    }

    [Fact]
    public void An_explicit_rate_limit_of_zero_is_kept_with_the_userspace_strategy()
    {
        var kernel = new FakeAuditKernel(enabled: 1);
        var control = Control(kernel, Configured(new AuditdOptions { BackpressureStrategy = BackpressureStrategy.Userspace }, "rate_limit"));

        control.Apply(AuditSocketMode.Unicast);

        Assert.Equal(0u, kernel.RateLimit);
    }

    [Fact]
    public void A_configured_backlog_wait_time_wins_over_the_kernel_strategy()
    {
        var kernel = new FakeAuditKernel(enabled: 1);

        Control(kernel, Configured(new AuditdOptions { BacklogWaitTime = 250 }, "backlog_wait_time")).Apply(AuditSocketMode.Unicast);

        Assert.Equal(250u, kernel.BacklogWaitTime);
    }

    [Fact]
    public void A_locked_configuration_is_left_alone()
    {
        var kernel = new FakeAuditKernel(enabled: 2, backlogLimit: 64);
        var control = Control(kernel, new AuditdOptions());

        control.Apply(AuditSocketMode.Unicast);
        control.Restore();

        Assert.Empty(kernel.Sets);
    }

    [Fact]
    public void Register_sends_the_own_pid_and_unregister_clears_it_while_it_is_still_ours()
    {
        var kernel = new FakeAuditKernel(enabled: 1);
        var control = Control(kernel, new AuditdOptions());
        using var events = kernel.Client();

        control.Register(events);
        var registered = kernel.Pid;
        control.Unregister();

        Assert.Equal(Self, registered);
        Assert.Equal(0u, kernel.Pid);
    }

    [Fact]
    public void Unregister_leaves_a_pid_that_is_no_longer_ours()
    {
        var kernel = new FakeAuditKernel(enabled: 1);
        var control = Control(kernel, new AuditdOptions());
        using var events = kernel.Client();
        control.Register(events);
        kernel.Fields[3] = 4242;

        control.Unregister();

        Assert.Equal(4242u, kernel.Pid);
    }

    [Fact]
    public void Immutable_locks_the_configuration_and_stop_then_changes_nothing()
    {
        var kernel = new FakeAuditKernel(enabled: 0);
        var control = Control(kernel, new AuditdOptions { Immutable = true });
        control.Apply(AuditSocketMode.Unicast);

        control.LockIfImmutable();
        var sets = kernel.Sets.Count;
        control.Restore();

        Assert.Equal(2u, kernel.Enabled);
        Assert.Equal(sets, kernel.Sets.Count);
    }

    private static AuditControl Control(FakeAuditKernel kernel, AuditdOptions options) => new(kernel.Client(), options, NullLogger.Instance);

    private static AuditdOptions Configured(AuditdOptions options, params string[] keys)
    {
        options.ConfiguredKeys = new HashSet<string>(keys);
        return options;
    }
}
