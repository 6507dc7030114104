using Shipper.Modules.Auditd.Netlink;
using Shipper.Modules.Auditd.Tests.Netlink;
using static Shipper.Modules.Auditd.Tests.Netlink.NetlinkWire;

namespace Shipper.Modules.Auditd.Tests.Control;

/// <summary>
/// Plays the kernel's audit status over <see cref="FakeNetlinkTransport"/>s, one per client: answers AUDIT_GET with its state,
/// applies AUDIT_SET by mask (refusing a second daemon PID with EEXIST), and records every SET.
/// </summary>
internal sealed class FakeAuditKernel
{
    public FakeAuditKernel(uint enabled = 0, uint failure = 1, uint pid = 0, uint rateLimit = 0, uint backlogLimit = 64, uint backlogWaitTime = 15000, uint features = 0x7f)
    {
        Fields = [0, enabled, failure, pid, rateLimit, backlogLimit, 0, 0, features, backlogWaitTime, 0];
    }

    /// <summary>One transport per client opened, in order.</summary>
    public List<FakeNetlinkTransport> Transports { get; } = [];

    /// <summary>The audit_status fields in kernel order.</summary>
    public uint[] Fields { get; }

    /// <summary>The decoded payload of every AUDIT_SET, as (mask, fields).</summary>
    public List<(uint Mask, uint[] Fields)> Sets { get; } = [];

    public uint Enabled => Fields[1];

    public uint Failure => Fields[2];

    public uint Pid => Fields[3];

    public uint RateLimit => Fields[4];

    public uint BacklogLimit => Fields[5];

    public uint BacklogWaitTime => Fields[9];

    public AuditNetlinkClient Client()
    {
        var transport = new FakeNetlinkTransport { Respond = Answer };
        Transports.Add(transport);
        return new AuditNetlinkClient(transport, TimeSpan.FromSeconds(2), () => true);
    }

    private IEnumerable<byte[]> Answer(byte[] request)
    {
        var seq = SequenceOf(request);
        switch (TypeOf(request))
        {
            case 1000:
                return [Ack(seq), Message(1000, seq, Status(Fields))];
            case 1001:
                return [Ack(seq, Set(PayloadOf(request)))];
            case 1013:
                return [Ack(seq), Message(3, seq, new byte[4])];
            default:
                return [Ack(seq)];
        }
    }

    private int Set(byte[] payload)
    {
        var set = Enumerable.Range(0, 11).Select(i => Field(payload, i)).ToArray();
        Sets.Add((set[0], set));
        if (Fields[1] == 2)
        {
            return Errno.EPERM;
        }

        if ((set[0] & 0x04) != 0 && set[3] != 0 && Fields[3] != 0 && Fields[3] != set[3])
        {
            return Errno.EEXIST;
        }

        int[] bits = [0x01, 0x02, 0x04, 0x08, 0x10, 0, 0, 0, 0x20];
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i] != 0 && (set[0] & bits[i]) != 0)
            {
                Fields[i + 1] = set[i + 1];
            }
        }

        return 0;
    }
}
