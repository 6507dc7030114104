using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Tests.Netlink;

/// <summary>
/// A scripted kernel: records each datagram sent and answers with what <see cref="Respond"/> returns for it.
/// Receive returns queued datagrams in order, then timeouts.
/// </summary>
internal sealed class FakeNetlinkTransport : INetlinkTransport
{
    private readonly Queue<(NetlinkReceiveStatus Status, byte[] Datagram, uint Sender)> _incoming = new();
    private readonly Lock _lock = new();
    private int _receives;

    public List<byte[]> Sent { get; } = [];

    /// <summary>Answers a sent datagram with datagrams from the kernel (sender 0).</summary>
    public Func<byte[], IEnumerable<byte[]>>? Respond { get; set; }

    public TimeSpan ReceiveTimeout { get; set; }

    public bool Disposed { get; private set; }

    /// <summary>Calls of <see cref="Receive"/> so far (safe to read from another thread).</summary>
    public int Receives
    {
        get
        {
            lock (_lock)
            {
                return _receives;
            }
        }
    }

    public void Enqueue(byte[] datagram, uint sender = 0)
    {
        lock (_lock)
        {
            _incoming.Enqueue((NetlinkReceiveStatus.Received, datagram, sender));
        }
    }

    public void EnqueueOverflow()
    {
        lock (_lock)
        {
            _incoming.Enqueue((NetlinkReceiveStatus.Overflow, [], 0));
        }
    }

    public void Send(ReadOnlySpan<byte> datagram)
    {
        var copy = datagram.ToArray();
        Sent.Add(copy);
        foreach (var reply in Respond?.Invoke(copy) ?? [])
        {
            Enqueue(reply);
        }
    }

    public NetlinkReceiveStatus Receive(Span<byte> buffer, out int length, out uint senderPortId)
    {
        (NetlinkReceiveStatus Status, byte[] Datagram, uint Sender) next;
        bool found;
        lock (_lock)
        {
            _receives++;
            found = _incoming.TryDequeue(out next);
        }

        if (!found)
        {
            length = 0;
            senderPortId = 0;
            Thread.Sleep(1);
            return NetlinkReceiveStatus.TimedOut;
        }

        next.Datagram.CopyTo(buffer);
        length = next.Datagram.Length;
        senderPortId = next.Sender;
        return next.Status;
    }

    /// <summary>
    /// With <see cref="TakesQueuedTogether"/>, every datagram queued (up to the slots, and up to an overflow) comes back
    /// from one call, as recvmmsg gives them; otherwise one, as the interface's default does.
    /// </summary>
    public NetlinkReceiveStatus ReceiveMany(Span<byte> slots, int slotSize, Span<int> lengths, Span<uint> senderPortIds, out int count)
    {
        count = 0;
        var capacity = Math.Min(slots.Length / slotSize, lengths.Length);
        while (count < capacity)
        {
            lock (_lock)
            {
                if (count > 0 && (!TakesQueuedTogether || !_incoming.TryPeek(out var next) || next.Status != NetlinkReceiveStatus.Received))
                {
                    return NetlinkReceiveStatus.Received;
                }
            }

            var status = Receive(slots.Slice(count * slotSize, slotSize), out lengths[count], out senderPortIds[count]);
            if (status != NetlinkReceiveStatus.Received)
            {
                return count > 0 ? NetlinkReceiveStatus.Received : status;
            }

            count++;
        }

        return NetlinkReceiveStatus.Received;
    }

    /// <summary>Whether <see cref="ReceiveMany"/> takes all queued datagrams at once.</summary>
    public bool TakesQueuedTogether { get; set; }

    public void Dispose() => Disposed = true;
}
