namespace Shipper.Modules.Auditd.Netlink;

/// <summary>One netlink message inside a datagram: its header fields and its payload (without the header).</summary>
public readonly ref struct NetlinkMessage
{
    public NetlinkMessage(ushort type, ushort flags, uint sequence, uint portId, ReadOnlySpan<byte> payload)
    {
        Type = type;
        Flags = flags;
        Sequence = sequence;
        PortId = portId;
        Payload = payload;
    }

    public ushort Type { get; }

    public ushort Flags { get; }

    /// <summary>The request's sequence number for replies; 0 for events the kernel sends on its own.</summary>
    public uint Sequence { get; }

    public uint PortId { get; }

    public ReadOnlySpan<byte> Payload { get; }
}
