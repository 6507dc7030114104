namespace Shipper.Modules.Auditd.Netlink;

/// <summary>
/// A bound NETLINK_AUDIT socket, reduced to what the client and the receiver need; the seam for tests.
/// One thread sends and receives at a time; <see cref="IDisposable.Dispose"/> may come from another thread.
/// </summary>
public interface INetlinkTransport : IDisposable
{
    /// <summary>How long <see cref="Receive"/> waits for a datagram before returning <see cref="NetlinkReceiveStatus.TimedOut"/>.</summary>
    TimeSpan ReceiveTimeout { get; set; }

    /// <summary>Sends one datagram to the kernel (port 0).</summary>
    /// <exception cref="AuditKernelException">The socket call failed.</exception>
    void Send(ReadOnlySpan<byte> datagram);

    /// <summary>
    /// Waits up to <see cref="ReceiveTimeout"/> for one datagram. <paramref name="length"/> is the bytes written to
    /// <paramref name="buffer"/>; <paramref name="senderPortId"/> is the sender's netlink port (0 for the kernel).
    /// </summary>
    /// <exception cref="AuditKernelException">The socket call failed for a reason other than a timeout or an overflow.</exception>
    NetlinkReceiveStatus Receive(Span<byte> buffer, out int length, out uint senderPortId);

    /// <summary>
    /// Waits up to <see cref="ReceiveTimeout"/> for one datagram, then takes the datagrams already queued behind it,
    /// as many as there are slots: datagram <c>i</c> goes to <paramref name="slots"/> at <c>i ×
    /// <paramref name="slotSize"/></c>, its length to <paramref name="lengths"/>[i] and its sender's port to
    /// <paramref name="senderPortIds"/>[i]. Under a burst this is one system call for many messages. Without an
    /// implementation of its own, a transport receives one datagram.
    /// </summary>
    /// <param name="slots">Room for the datagrams, one slot after another.</param>
    /// <param name="slotSize">The bytes of one slot.</param>
    /// <param name="lengths">Each datagram's length.</param>
    /// <param name="senderPortIds">Each datagram's sender (0: the kernel).</param>
    /// <param name="count">How many datagrams were received (0 unless the result is <see cref="NetlinkReceiveStatus.Received"/>).</param>
    /// <exception cref="AuditKernelException">The socket call failed for a reason other than a timeout or an overflow.</exception>
    NetlinkReceiveStatus ReceiveMany(Span<byte> slots, int slotSize, Span<int> lengths, Span<uint> senderPortIds, out int count)
    {
        var status = Receive(slots[..slotSize], out var length, out var sender);
        count = status == NetlinkReceiveStatus.Received ? 1 : 0;
        if (count == 1)
        {
            lengths[0] = length;
            senderPortIds[0] = sender;
        }

        return status;
    }
}
