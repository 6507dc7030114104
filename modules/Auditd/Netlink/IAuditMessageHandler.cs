namespace Shipper.Modules.Auditd.Netlink;

/// <summary>
/// Receives the kernel's audit messages from an <see cref="AuditReceiver"/>, on its receive thread, one at a time.
/// Implementations must return quickly: while they run, the kernel's messages queue up in the socket.
/// </summary>
public interface IAuditMessageHandler
{
    /// <summary>
    /// One audit record: its type (e.g. 1300 SYSCALL, 1320 EOE) and its text (<c>audit(…): key=value …</c>) without a
    /// trailing NUL. <paramref name="payload"/> is valid only during the call; copy what must be kept.
    /// </summary>
    void OnMessage(ushort type, ReadOnlySpan<byte> payload);

    /// <summary>The socket's receive queue overflowed (ENOBUFS) <paramref name="count"/> times: some messages were lost.</summary>
    void OnLoss(long count);
}
