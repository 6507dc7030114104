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
}
