using Shipper.Modules.Auditd.Control;

namespace Shipper.Modules.Auditd.Tests.Control;

public class KernelReleaseTests
{
    [Theory]
    [InlineData("6.18.44-fc-v669\n", "6.18.44")]
    [InlineData("3.16.0-4-amd64", "3.16.0")]
    [InlineData("4.19", "4.19")]
    [InlineData("5.10-rc1", "5.10")]
    [InlineData("garbage", "0.0")]
    public void A_release_string_reads_as_its_leading_version(string release, string expected)
    {
        Assert.Equal(Version.Parse(expected), KernelRelease.Parse(release));
    }

    [Fact]
    public void The_running_kernel_is_readable()
    {
        Assert.True(KernelRelease.Current() >= new Version(3, 0));
    }
}
