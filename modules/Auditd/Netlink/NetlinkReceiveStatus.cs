namespace Shipper.Modules.Auditd.Netlink;

/// <summary>The outcome of one <see cref="INetlinkTransport.Receive"/>.</summary>
public enum NetlinkReceiveStatus
{
    /// <summary>A datagram was read.</summary>
    Received,

    /// <summary>Nothing arrived within the receive timeout.</summary>
    TimedOut,

    /// <summary>The socket's receive queue overflowed (ENOBUFS): messages were dropped before this point.</summary>
    Overflow,
}
