using Microsoft.Extensions.Logging;
using Shipper.Monitoring;

namespace Shipper.Modules.Auditd.Netlink;

/// <summary>
/// Reads audit messages from a client's socket on a dedicated thread and hands each to an
/// <see cref="IAuditMessageHandler"/>. The datagrams already queued are taken together, up to <see cref="Slots"/> a
/// system call (<see cref="INetlinkTransport.ReceiveMany"/>), into buffers reused for every call, so nothing is
/// allocated per message. A receive-queue overflow (ENOBUFS) is counted (<c>auditd.socket_overflows</c>), logged at a
/// limited rate and survived; the kernel reports it on multicast sockets only, as unicast ones are opened with
/// NETLINK_NO_ENOBUFS (see <see cref="NetlinkSocket.Open"/>). Messages not sent by the kernel are dropped.
/// </summary>
public sealed class AuditReceiver
{
    /// <summary>How often the thread looks at its cancellation token while no message arrives.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan OverflowLogInterval = TimeSpan.FromSeconds(10);

    private readonly INetlinkTransport _transport;
    private readonly IAuditMessageHandler _handler;
    private readonly ILogger _logger;
    private readonly TimeSpan _pollInterval;
    private readonly MetricCounter _received;
    private readonly MetricCounter _overflows;
    private readonly MetricCounter _rejected;
    private const int Slots = 16;
    private const int SlotBytes = 64 * 1024;

    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(Slots * SlotBytes, pinned: true);
    private readonly int[] _lengths = new int[Slots];
    private readonly uint[] _senders = new uint[Slots];
    private long _overflowsNotLogged;
    private DateTime _lastOverflowLog = DateTime.MinValue;

    /// <summary>
    /// Creates a receiver over <paramref name="client"/>'s socket (a multicast one, or a unicast one registered as
    /// the audit daemon). The client must not be used for requests until the receiver has stopped.
    /// </summary>
    public AuditReceiver(AuditNetlinkClient client, IAuditMessageHandler handler, ILogger logger, IMetricsRegistry? metrics = null, TimeSpan? pollInterval = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _transport = client.Transport;
        _handler = handler;
        _logger = logger;
        _pollInterval = pollInterval ?? DefaultPollInterval;
        _received = metrics?.Counter("auditd.received_msgs") ?? new MetricCounter("auditd.received_msgs");
        _overflows = metrics?.Counter("auditd.socket_overflows") ?? new MetricCounter("auditd.socket_overflows");
        _rejected = metrics?.Counter("auditd.rejected_msgs") ?? new MetricCounter("auditd.rejected_msgs");
    }

    /// <summary>Messages handed to the handler so far.</summary>
    public long ReceivedMessages => _received.Value;

    /// <summary>ENOBUFS overflows seen so far.</summary>
    public long Overflows => _overflows.Value;

    /// <summary>
    /// Starts the receive thread. The task completes once the thread has stopped after
    /// <paramref name="cancellationToken"/> fired (within about one poll interval), or faults when the socket
    /// fails or the handler throws.
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Loop(cancellationToken);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "auditd-receive",
        };
        thread.Start();
        return done.Task;
    }

    private void Loop(CancellationToken cancellationToken)
    {
        _transport.ReceiveTimeout = _pollInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            switch (_transport.ReceiveMany(_buffer, SlotBytes, _lengths, _senders, out var count))
            {
                case NetlinkReceiveStatus.Received:
                    for (var i = 0; i < count; i++)
                    {
                        if (_senders[i] == 0)
                        {
                            Dispatch(_buffer.AsSpan(i * SlotBytes, _lengths[i]));
                        }
                        else
                        {
                            _rejected.Increment();
                            _logger.LogDebug("Dropped a netlink message from port {Sender}, not the kernel", _senders[i]);
                        }
                    }

                    break;
                case NetlinkReceiveStatus.Overflow:
                    OnOverflow();
                    break;
            }
        }

        if (_overflowsNotLogged > 0)
        {
            LogOverflows(DateTime.UtcNow);
        }
    }

    private void Dispatch(ReadOnlySpan<byte> datagram)
    {
        var reader = new NetlinkMessageReader(datagram);
        while (reader.TryRead(out var message))
        {
            // Types below 16 are netlink's own (NOOP, ERROR/ACK, DONE, OVERRUN), e.g. a late ACK; not audit records.
            if (message.Type < 16)
            {
                continue;
            }

            var payload = message.Payload;
            var end = payload.LastIndexOfAnyExcept((byte)0) + 1;
            _received.Increment();
            _handler.OnMessage(message.Type, payload[..end]);
        }

        if (reader.Malformed)
        {
            _logger.LogWarning("Dropped the rest of a netlink datagram with a malformed message header");
        }
    }

    private void OnOverflow()
    {
        _overflows.Increment();
        _handler.OnLoss(1);
        _overflowsNotLogged++;
        var now = DateTime.UtcNow;
        if (now - _lastOverflowLog >= OverflowLogInterval)
        {
            LogOverflows(now);
        }
    }

    private void LogOverflows(DateTime now)
    {
        _logger.LogWarning(
            "The audit socket's receive buffer overflowed {Count} time(s) (ENOBUFS): the kernel dropped messages. Total {Total}; consider a larger receive_buffer_size or more selective audit rules",
            _overflowsNotLogged,
            _overflows.Value);
        _overflowsNotLogged = 0;
        _lastOverflowLog = now;
    }
}
