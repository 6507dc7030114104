using Shipper.Modules.Auditd.Control;

namespace Shipper.Modules.Auditd.Tests.Control;

public class BackpressurePlanTests
{
    [Theory]
    [InlineData(BackpressureStrategy.Auto, 0x7fu, true, false)]
    [InlineData(BackpressureStrategy.Auto, 0x01u, false, true)]
    [InlineData(BackpressureStrategy.Kernel, 0x02u, true, false)]
    [InlineData(BackpressureStrategy.Userspace, 0x7fu, false, true)]
    [InlineData(BackpressureStrategy.Both, 0x7fu, true, true)]
    [InlineData(BackpressureStrategy.None, 0x7fu, false, false)]
    public void Each_strategy_resolves_against_the_kernels_features(BackpressureStrategy strategy, uint features, bool kernel, bool userspace)
    {
        Assert.Equal(new BackpressurePlan(kernel, userspace), BackpressurePlan.Resolve(strategy, features));
    }

    [Fact]
    public void The_kernel_strategy_on_a_kernel_without_backlog_wait_time_is_an_error_naming_the_option()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BackpressurePlan.Resolve(BackpressureStrategy.Kernel, 0x01));

        Assert.StartsWith("backpressure_strategy: kernel", error.Message);
    }
}
