using System.Runtime.InteropServices;

namespace Shipper.Modules.Auditd.Netlink;

/// <summary>A real NETLINK_AUDIT socket.</summary>
public sealed unsafe class NetlinkSocket : INetlinkTransport
{
    /// <summary>The most datagrams one <see cref="ReceiveMany"/> call takes.</summary>
    private const int MaxBatch = 64;

    private readonly NetlinkSocketHandle _handle;
    private TimeSpan _receiveTimeout;

    private NetlinkSocket(NetlinkSocketHandle handle) => _handle = handle;

    /// <summary>The kernel's receive buffer size in bytes as reported by SO_RCVBUF (the kernel doubles what was asked).</summary>
    public int ReceiveBufferSize
    {
        get
        {
            int value = 0;
            uint size = sizeof(int);
            return NativeMethods.GetSocketOption(_handle, NativeMethods.SolSocket, NativeMethods.SoRcvbuf, &value, &size) == 0 ? value : -1;
        }
    }

    /// <summary>
    /// False when the socket was opened with NETLINK_NO_ENOBUFS (unicast sockets; see <see cref="Open"/>): the kernel
    /// then does not report, or enter the congested state on, an overflow.
    /// </summary>
    public bool ReportsOverflows
    {
        get
        {
            int value = 0;
            uint size = sizeof(int);
            return NativeMethods.GetSocketOption(_handle, NativeMethods.SolNetlink, NativeMethods.NetlinkNoEnobufs, &value, &size) != 0 || value == 0;
        }
    }

    public TimeSpan ReceiveTimeout
    {
        get => _receiveTimeout;
        set
        {
            var micros = (long)(value.TotalMilliseconds * 1000);
            var tv = new NativeMethods.Timeval { Seconds = micros / 1_000_000, Microseconds = micros % 1_000_000 };
            SetOption(NativeMethods.SoRcvtimeo, &tv, (uint)sizeof(NativeMethods.Timeval), "set receive timeout (SO_RCVTIMEO)");
            _receiveTimeout = value;
        }
    }

    /// <summary>
    /// Opens and binds a socket. With <paramref name="receiveBufferBytes"/> above 0 the receive buffer is enlarged,
    /// past the system limit with SO_RCVBUFFORCE when allowed (root), otherwise up to it with SO_RCVBUF.
    /// A unicast socket is opened with NETLINK_NO_ENOBUFS. When the audit daemon's socket is full the kernel's sender
    /// (kauditd) waits at most HZ/10 for room, then gives up on the record; without this option the socket is then
    /// marked congested until its queue is read empty, every send in the meantime fails the same way, and the records
    /// kauditd cannot requeue are dropped, uncounted by the kernel's <c>lost</c>: one pause of the receive thread
    /// (a GC suspension on a loaded machine) cost thousands of events in the <c>auditd-storm</c> harness. With the
    /// option a full socket only makes kauditd requeue the record (its retry queue, bounded by backlog_limit) and
    /// sending resumes as soon as there is room, as it does for auditd, which never pauses that long.
    /// </summary>
    public static NetlinkSocket Open(AuditSocketMode mode, int receiveBufferBytes = 0)
    {
        var fd = NativeMethods.Socket(NativeMethods.AfNetlink, NativeMethods.SockRaw | NativeMethods.SockCloexec, NativeMethods.NetlinkAudit);
        if (fd < 0)
        {
            throw Failure("open audit netlink socket", Marshal.GetLastPInvokeError());
        }

        var socket = new NetlinkSocket(new NetlinkSocketHandle(fd));
        try
        {
            socket.Bind(mode);
            if (receiveBufferBytes > 0)
            {
                socket.SetReceiveBuffer(receiveBufferBytes);
            }

            if (mode == AuditSocketMode.Unicast)
            {
                var on = 1;
                socket.SetOption(NativeMethods.SolNetlink, NativeMethods.NetlinkNoEnobufs, &on, sizeof(int), "set NETLINK_NO_ENOBUFS");
            }

            socket.ReceiveTimeout = TimeSpan.FromSeconds(1);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Send(ReadOnlySpan<byte> datagram)
    {
        var kernel = new NativeMethods.SockaddrNl { Family = NativeMethods.AfNetlink };
        fixed (byte* data = datagram)
        {
            while (true)
            {
                var sent = NativeMethods.SendTo(_handle, data, (nuint)datagram.Length, 0, &kernel, (uint)sizeof(NativeMethods.SockaddrNl));
                if (sent >= 0)
                {
                    return;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno != Errno.EINTR)
                {
                    throw Failure("send to the kernel", errno);
                }
            }
        }
    }

    public NetlinkReceiveStatus Receive(Span<byte> buffer, out int length, out uint senderPortId)
    {
        fixed (byte* data = buffer)
        {
            while (true)
            {
                var from = default(NativeMethods.SockaddrNl);
                uint fromLength = (uint)sizeof(NativeMethods.SockaddrNl);

                // MSG_TRUNC makes the kernel report the datagram's real size; a larger one was cut to the buffer.
                var received = NativeMethods.ReceiveFrom(_handle, data, (nuint)buffer.Length, NativeMethods.MsgTrunc, &from, &fromLength);
                if (received >= 0)
                {
                    length = (int)Math.Min(received, buffer.Length);
                    senderPortId = from.Pid;
                    return NetlinkReceiveStatus.Received;
                }

                length = 0;
                senderPortId = 0;
                if (FailedReceive(Marshal.GetLastPInvokeError()) is { } status)
                {
                    return status;
                }
            }
        }
    }

    public NetlinkReceiveStatus ReceiveMany(Span<byte> slots, int slotSize, Span<int> lengths, Span<uint> senderPortIds, out int count)
    {
        var capacity = Math.Min(Math.Min(slots.Length / slotSize, MaxBatch), Math.Min(lengths.Length, senderPortIds.Length));
        if (capacity < 1)
        {
            throw new ArgumentException("room for no datagram", nameof(slots));
        }

        var headers = stackalloc NativeMethods.MMsgHdr[capacity];
        var vectors = stackalloc NativeMethods.IoVec[capacity];
        var senders = stackalloc NativeMethods.SockaddrNl[capacity];
        fixed (byte* data = slots)
        {
            for (var i = 0; i < capacity; i++)
            {
                vectors[i] = new NativeMethods.IoVec { Base = data + (i * slotSize), Length = (nuint)slotSize };
                headers[i] = new NativeMethods.MMsgHdr
                {
                    Header = new NativeMethods.MsgHdr
                    {
                        Name = &senders[i],
                        NameLength = (uint)sizeof(NativeMethods.SockaddrNl),
                        Iov = &vectors[i],
                        IovLength = 1,
                    },
                };
            }

            while (true)
            {
                // MSG_WAITFORONE: wait (up to SO_RCVTIMEO) for the first datagram only, then take what is queued.
                // MSG_TRUNC, per datagram: its real size is reported; a larger one was cut to its slot.
                var received = NativeMethods.ReceiveMany(_handle, headers, (uint)capacity, NativeMethods.MsgWaitForOne | NativeMethods.MsgTrunc, null);
                if (received >= 0)
                {
                    for (var i = 0; i < received; i++)
                    {
                        lengths[i] = (int)Math.Min(headers[i].Length, (uint)slotSize);
                        senderPortIds[i] = senders[i].Pid;
                    }

                    count = received;
                    return NetlinkReceiveStatus.Received;
                }

                // An error after the first datagram is not reported here: the kernel returns the datagrams taken and
                // keeps the error for the next call.
                count = 0;
                if (FailedReceive(Marshal.GetLastPInvokeError()) is { } status)
                {
                    return status;
                }
            }
        }
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>What a failed receive means: a timeout, an overflow, or null for an interrupted call to make again.</summary>
    /// <exception cref="AuditKernelException">Any other error.</exception>
    private static NetlinkReceiveStatus? FailedReceive(int errno) => errno switch
    {
        Errno.EINTR => null,
        Errno.EAGAIN => NetlinkReceiveStatus.TimedOut,
        Errno.ENOBUFS => NetlinkReceiveStatus.Overflow,
        _ => throw Failure("receive from the kernel", errno),
    };

    private static AuditKernelException Failure(string operation, int errno) =>
        new(errno, operation, AuditErrorMessages.Describe(errno, operation, NativeMethods.GetEffectiveUserId() == 0));

    private void Bind(AuditSocketMode mode)
    {
        var address = new NativeMethods.SockaddrNl
        {
            Family = NativeMethods.AfNetlink,
            Groups = mode == AuditSocketMode.Multicast ? 1u : 0u,
        };
        if (NativeMethods.Bind(_handle, &address, (uint)sizeof(NativeMethods.SockaddrNl)) == 0)
        {
            return;
        }

        var errno = Marshal.GetLastPInvokeError();
        var operation = mode == AuditSocketMode.Multicast ? "join the audit multicast group" : "bind the audit netlink socket";
        var message = errno switch
        {
            Errno.EINVAL or Errno.EPROTONOSUPPORT or Errno.EAFNOSUPPORT => $"{operation} failed: audit not supported by the kernel (errno {errno})",
            Errno.EPERM when mode == AuditSocketMode.Multicast => $"{operation} failed: requires root (CAP_AUDIT_READ)",
            _ => AuditErrorMessages.Describe(errno, operation, NativeMethods.GetEffectiveUserId() == 0),
        };
        throw new AuditKernelException(errno, operation, message);
    }

    private void SetReceiveBuffer(int bytes)
    {
        var value = bytes;
        if (NativeMethods.SetSocketOption(_handle, NativeMethods.SolSocket, NativeMethods.SoRcvbufforce, &value, sizeof(int)) == 0)
        {
            return;
        }

        // Without CAP_NET_ADMIN the kernel caps the size at net.core.rmem_max; that is still better than the default.
        SetOption(NativeMethods.SoRcvbuf, &value, sizeof(int), "set receive buffer (SO_RCVBUF)");
    }

    private void SetOption(int name, void* value, uint size, string operation) => SetOption(NativeMethods.SolSocket, name, value, size, operation);

    private void SetOption(int level, int name, void* value, uint size, string operation)
    {
        if (NativeMethods.SetSocketOption(_handle, level, name, value, size) != 0)
        {
            throw Failure(operation, Marshal.GetLastPInvokeError());
        }
    }
}
