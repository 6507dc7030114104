using Shipper.Modules.Auditd.Netlink;
using static Shipper.Modules.Auditd.Tests.Netlink.NetlinkWire;

namespace Shipper.Modules.Auditd.Tests.Netlink;

public class AuditStatusTests
{
    [Fact]
    public void Decodes_the_eleven_fields_in_the_kernels_order()
    {
        var status = AuditStatus.Decode(Status(0x7, 1, 2, 345, 6, 8192, 14407, 9, 0x7f, 15000, 11));

        Assert.Equal(
            (7u, 1u, 2u, 345u, 6u, 8192u, 14407u, 9u, 0x7fu, 15000u, 11u),
            (status.Mask, status.Enabled, status.Failure, status.Pid, status.RateLimit, status.BacklogLimit, status.Lost, status.Backlog, status.FeatureBitmap, status.BacklogWaitTime, status.BacklogWaitTimeActual));
        Assert.True(status.HasBacklogWaitTimeActual);
    }

    [Fact]
    public void A_reply_from_an_older_kernel_leaves_the_fields_it_lacks_at_zero()
    {
        var status = AuditStatus.Decode(Status(0, 1, 1, 0, 0, 320, 5, 0, 2, 60000));

        Assert.Equal((320u, 60000u, 0u), (status.BacklogLimit, status.BacklogWaitTime, status.BacklogWaitTimeActual));
        Assert.True(status.HasBacklogWaitTime);
        Assert.False(status.HasBacklogWaitTimeActual);
    }

    [Fact]
    public void The_oldest_layout_of_eight_fields_is_accepted()
    {
        var status = AuditStatus.Decode(Status(0, 1, 1, 99, 0, 64, 0, 4));

        Assert.Equal((99u, 4u, 0u, 8), (status.Pid, status.Backlog, status.FeatureBitmap, status.FieldCount));
        Assert.False(status.HasBacklogWaitTime);
    }

    [Fact]
    public void Bytes_beyond_the_known_fields_from_a_newer_kernel_are_ignored()
    {
        var status = AuditStatus.Decode(Status(0, 1, 1, 0, 0, 64, 0, 0, 0x7f, 15000, 3, 999, 999));

        Assert.Equal((3u, 11), (status.BacklogWaitTimeActual, status.FieldCount));
    }

    [Fact]
    public void A_reply_shorter_than_the_oldest_layout_is_rejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => AuditStatus.Decode(Status(0, 1, 1)));

        Assert.Contains("12 bytes", error.Message);
    }
}
