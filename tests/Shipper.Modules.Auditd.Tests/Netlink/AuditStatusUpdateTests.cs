using Shipper.Modules.Auditd.Netlink;
using static Shipper.Modules.Auditd.Tests.Netlink.NetlinkWire;

namespace Shipper.Modules.Auditd.Tests.Netlink;

public class AuditStatusUpdateTests
{
    [Fact]
    public void Each_field_is_written_at_its_offset_with_its_mask_bit()
    {
        var update = new AuditStatusUpdate { Enabled = 1, Failure = 2, Pid = 1234, RateLimit = 5000, BacklogLimit = 8192, BacklogWaitTime = 0 };
        var bytes = new byte[44];

        update.Encode(bytes);

        Assert.Equal([0x3fu, 1u, 2u, 1234u, 5000u, 8192u, 0u, 0u, 0u, 0u, 0u], Enumerable.Range(0, 11).Select(i => Field(bytes, i)));
    }

    [Fact]
    public void Setting_a_field_to_zero_still_sets_its_mask_bit()
    {
        var update = new AuditStatusUpdate { Pid = 0 };

        Assert.Equal(AuditStatusMask.Pid, update.Mask);
        Assert.False(update.IsEmpty);
    }

    [Fact]
    public void Fields_left_unset_are_neither_masked_nor_written()
    {
        var bytes = Enumerable.Repeat((byte)0xff, 44).ToArray();

        new AuditStatusUpdate { RateLimit = 7 }.Encode(bytes);

        Assert.Equal(0x08u, Field(bytes, 0));
        Assert.Equal(7u, Field(bytes, 4));
        Assert.Equal(0u, Field(bytes, 5));
    }

    [Fact]
    public void Its_description_lists_the_fields_set_with_their_auditctl_names()
    {
        Assert.Equal("enabled=1 backlog_wait_time=0", new AuditStatusUpdate { Enabled = 1, BacklogWaitTime = 0 }.ToString());
    }
}
