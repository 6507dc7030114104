using Shipper.Modules.Auditd.Netlink;
using static Shipper.Modules.Auditd.Tests.Netlink.NetlinkWire;

namespace Shipper.Modules.Auditd.Tests.Netlink;

public class NetlinkMessageReaderTests
{
    [Fact]
    public void Several_messages_in_one_datagram_are_read_in_order_across_their_padding()
    {
        var datagram = Concat(Event(1300, "abcde"), Event(1320, "xy"));
        var found = new List<(ushort, string)>();

        var reader = new NetlinkMessageReader(datagram);
        while (reader.TryRead(out var message))
        {
            found.Add((message.Type, System.Text.Encoding.ASCII.GetString(message.Payload)));
        }

        Assert.Equal([(1300, "abcde"), (1320, "xy")], found);
        Assert.False(reader.Malformed);
    }

    [Fact]
    public void A_length_past_the_end_of_the_datagram_is_cut_to_what_arrived()
    {
        var datagram = Event(1300, "abcdefgh");
        datagram[0] = 200;

        var reader = new NetlinkMessageReader(datagram);

        Assert.True(reader.TryRead(out var message));
        Assert.Equal(8, message.Payload.Length);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void A_length_shorter_than_a_header_ends_the_walk_as_malformed()
    {
        var datagram = Concat(Event(1300, "ok"), Event(1300, "bad"));
        datagram[20] = 8;

        var reader = new NetlinkMessageReader(datagram);

        Assert.True(reader.TryRead(out _));
        Assert.False(reader.TryRead(out _));
        Assert.True(reader.Malformed);
    }

    [Fact]
    public void A_unicast_record_whose_length_leaves_out_the_header_is_read_whole()
    {
        var datagram = Event(1320, "audit(1795604482.541:2913): ");
        datagram[0] = 28;

        var reader = new NetlinkMessageReader(datagram);

        Assert.True(reader.TryRead(out var message));
        Assert.Equal("audit(1795604482.541:2913): ", System.Text.Encoding.ASCII.GetString(message.Payload));
        Assert.False(reader.TryRead(out _));
        Assert.False(reader.Malformed);
    }

    [Fact]
    public void A_reply_that_is_not_an_audit_record_keeps_its_stated_length()
    {
        var datagram = Concat(Message(1000, 5, new byte[4]), Message(3, 5, []));

        var reader = new NetlinkMessageReader(datagram);

        Assert.True(reader.TryRead(out var first));
        Assert.Equal(4, first.Payload.Length);
        Assert.True(reader.TryRead(out var second));
        Assert.Equal(3, second.Type);
    }

    [Theory]
    [InlineData(1005)] // AUDIT_USER, as `auditctl -m` makes (captured from this kernel: nlmsg_len 166 in a 182-byte datagram)
    [InlineData(1006)] // AUDIT_LOGIN
    public void User_and_login_records_below_1100_are_records_too_and_are_read_whole(ushort type)
    {
        const string Text = "audit(1796162724.966:550): pid=26404 uid=0 auid=4294967295 ses=4294967295 msg='text=hello exe=\"/usr/sbin/auditctl\" res=success'";
        var datagram = Event(type, Text);
        datagram[0] = (byte)(datagram.Length - 16);

        var reader = new NetlinkMessageReader(datagram);

        Assert.True(reader.TryRead(out var message));
        Assert.Equal(Text, System.Text.Encoding.ASCII.GetString(message.Payload).TrimEnd('\0'));
        Assert.False(reader.TryRead(out _));
        Assert.False(reader.Malformed);
    }
}
