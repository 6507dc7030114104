using Shipper.Modules.Auditd.Netlink;
using static Shipper.Modules.Auditd.Tests.Netlink.NetlinkWire;

namespace Shipper.Modules.Auditd.Tests.Netlink;

public class AuditNetlinkClientTests
{
    private static readonly byte[] KernelStatus = Status(0, 1, 1, 0, 0, 8192, 14407, 3, 0x7f, 15000, 42);

    private readonly FakeNetlinkTransport _kernel = new();

    [Fact]
    public void GetStatus_sends_AUDIT_GET_asking_for_an_ack_and_decodes_the_reply()
    {
        _kernel.Respond = request => [Ack(SequenceOf(request)), Message(1000, SequenceOf(request), KernelStatus)];

        var status = Client().GetStatus();

        var sent = Assert.Single(_kernel.Sent);
        Assert.Equal(1000, TypeOf(sent));
        Assert.Equal(0x1 | 0x4, FlagsOf(sent));
        Assert.Equal(16, sent.Length);
        Assert.Equal((1u, 1u, 8192u, 14407u, 0x7fu, 15000u, 42u), (status.Enabled, status.Failure, status.BacklogLimit, status.Lost, status.FeatureBitmap, status.BacklogWaitTime, status.BacklogWaitTimeActual));
    }

    [Fact]
    public void GetStatus_accepts_the_reply_before_the_ack()
    {
        _kernel.Respond = request => [Message(1000, SequenceOf(request), KernelStatus), Ack(SequenceOf(request))];

        Assert.Equal(8192u, Client().GetStatus().BacklogLimit);
    }

    [Fact]
    public void Events_that_arrive_between_request_and_reply_are_skipped()
    {
        _kernel.Respond = request => [
            Event(1300, "audit(1.000:7): arch=c000003e syscall=110"),
            Concat(Event(1320, "audit(1.000:7): "), Ack(SequenceOf(request))),
            Message(1000, SequenceOf(request), KernelStatus)];

        Assert.Equal(8192u, Client().GetStatus().BacklogLimit);
    }

    [Fact]
    public void A_reply_from_a_sender_other_than_the_kernel_is_not_trusted()
    {
        _kernel.Respond = request =>
        {
            _kernel.Enqueue(Concat(Ack(SequenceOf(request)), Message(1000, SequenceOf(request), Status(0, 2, 2, 666, 0, 1, 0, 0))), sender: 4242);
            return [Ack(SequenceOf(request)), Message(1000, SequenceOf(request), KernelStatus)];
        };

        var status = Client().GetStatus();

        Assert.Equal((1u, 0u), (status.Enabled, status.Pid));
    }

    [Fact]
    public void A_late_reply_to_an_earlier_request_is_not_taken_for_the_current_one()
    {
        _kernel.Respond = request => [
            Message(1000, SequenceOf(request) - 1, Status(0, 2, 2, 666, 0, 1, 0, 0)),
            Ack(SequenceOf(request)),
            Message(1000, SequenceOf(request), KernelStatus)];

        Assert.Equal(0u, Client().GetStatus().Pid);
    }

    [Fact]
    public void Each_request_uses_a_new_nonzero_sequence_number()
    {
        _kernel.Respond = request => [Ack(SequenceOf(request))];
        var client = Client();

        client.AddRule(new byte[8]);
        client.AddRule(new byte[8]);

        Assert.NotEqual(0u, SequenceOf(_kernel.Sent[0]));
        Assert.Equal(SequenceOf(_kernel.Sent[0]) + 1, SequenceOf(_kernel.Sent[1]));
    }

    [Fact]
    public void SetStatus_sends_only_the_fields_that_are_set_with_their_mask_bits()
    {
        _kernel.Respond = request => [Ack(SequenceOf(request))];

        Client().SetStatus(new AuditStatusUpdate { Enabled = 1, BacklogLimit = 8192, BacklogWaitTime = 0 });

        var sent = Assert.Single(_kernel.Sent);
        var payload = PayloadOf(sent);
        Assert.Equal(1001, TypeOf(sent));
        Assert.Equal(44, payload.Length);
        Assert.Equal(0x01u | 0x10u | 0x20u, Field(payload, 0));
        Assert.Equal(1u, Field(payload, 1));
        Assert.Equal(8192u, Field(payload, 5));
        Assert.Equal(0u, Field(payload, 9));
    }

    [Fact]
    public void SetStatus_with_nothing_set_sends_nothing()
    {
        Client().SetStatus(new AuditStatusUpdate());

        Assert.Empty(_kernel.Sent);
    }

    [Fact]
    public void A_kernel_EPERM_says_that_root_is_required()
    {
        _kernel.Respond = request => [Ack(SequenceOf(request), errno: 1)];

        var error = Assert.Throws<AuditKernelException>(() => Client(isRoot: false).GetStatus());

        Assert.Equal(1, error.Errno);
        Assert.Contains("requires root (CAP_AUDIT_CONTROL)", error.Message);
    }

    [Fact]
    public void A_kernel_EPERM_as_root_points_at_a_locked_configuration()
    {
        _kernel.Respond = request => [Ack(SequenceOf(request), errno: 1)];

        var error = Assert.Throws<AuditKernelException>(() => Client(isRoot: true).SetStatus(new AuditStatusUpdate { Enabled = 1 }));

        Assert.Contains("locked", error.Message);
        Assert.StartsWith("set audit status (enabled=1) failed", error.Message);
    }

    [Fact]
    public void Registering_while_another_daemon_is_registered_names_its_pid_and_command()
    {
        var other = (uint)Environment.ProcessId;
        var comm = File.ReadAllText("/proc/self/comm").TrimEnd('\n');
        _kernel.Respond = request => TypeOf(request) == 1001
            ? [Ack(SequenceOf(request), errno: 17)]
            : [Ack(SequenceOf(request)), Message(1000, SequenceOf(request), Status(0, 1, 1, other, 0, 64, 0, 0))];

        var error = Assert.Throws<AuditKernelException>(() => Client().SetStatus(new AuditStatusUpdate { Pid = 1 }));

        Assert.Equal(17, error.Errno);
        Assert.Contains($"another process (PID {other}, {comm}) is registered as the audit daemon; stop it or use socket_type: multicast", error.Message);
    }

    [Fact]
    public void Adding_a_duplicate_rule_says_the_rule_exists()
    {
        _kernel.Respond = request => [Ack(SequenceOf(request), errno: 17)];

        var error = Assert.Throws<AuditKernelException>(() => Client().AddRule(new byte[1040]));

        Assert.Equal("add rule failed: rule exists (EEXIST)", error.Message);
    }

    [Theory]
    [InlineData(22, "invalid (EINVAL)")]
    [InlineData(2, "no such rule (ENOENT)")]
    public void Other_kernel_errors_are_named(int errno, string expected)
    {
        _kernel.Respond = request => [Ack(SequenceOf(request), errno)];

        var error = Assert.Throws<AuditKernelException>(() => Client().DeleteRule(new byte[1040]));

        Assert.StartsWith("delete rule failed:", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ListRules_reads_every_rule_until_done_even_several_in_one_datagram()
    {
        _kernel.Respond = request =>
        {
            var seq = SequenceOf(request);
            return [Ack(seq), Concat(Message(1013, seq, [1, 2, 3, 4], flags: 2), Message(1013, seq, [5, 6, 7, 8, 9], flags: 2)), Message(3, seq, new byte[4], flags: 2)];
        };

        var rules = Client().ListRules();

        Assert.Equal([[1, 2, 3, 4], [5, 6, 7, 8, 9]], rules);
        Assert.Equal(1013, TypeOf(Assert.Single(_kernel.Sent)));
    }

    [Fact]
    public void DeleteAllRules_deletes_each_listed_rule_with_its_own_bytes()
    {
        _kernel.Respond = request =>
        {
            var seq = SequenceOf(request);
            return TypeOf(request) == 1013
                ? [Ack(seq), Message(1013, seq, [1, 1, 1, 1]), Message(1013, seq, [2, 2, 2, 2]), Message(3, seq, new byte[4])]
                : [Ack(seq)];
        };

        var deleted = Client().DeleteAllRules();

        Assert.Equal(2, deleted);
        Assert.Equal([1013, 1012, 1012], _kernel.Sent.Select(TypeOf).Select(t => (int)t));
        Assert.Equal([2, 2, 2, 2], PayloadOf(_kernel.Sent[2]));
    }

    [Fact]
    public void A_kernel_that_never_answers_gives_a_timeout_error()
    {
        var error = Assert.Throws<AuditKernelException>(() => Client(timeout: TimeSpan.FromMilliseconds(50)).GetStatus());

        Assert.Equal(110, error.Errno);
        Assert.Contains("no reply from the kernel", error.Message);
    }

    [Fact]
    public void Dispose_closes_the_socket()
    {
        Client().Dispose();

        Assert.True(_kernel.Disposed);
    }

    private AuditNetlinkClient Client(bool isRoot = true, TimeSpan? timeout = null) =>
        new(_kernel, timeout ?? TimeSpan.FromSeconds(2), () => isRoot);
}
