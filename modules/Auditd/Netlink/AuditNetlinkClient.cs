using System.Buffers.Binary;
using System.Diagnostics;

namespace Shipper.Modules.Auditd.Netlink;

/// <summary>
/// Requests to the kernel's audit subsystem over one netlink socket: status, settings and rules. Each request
/// asks for an ACK and waits for the reply carrying its sequence number; events that arrive meanwhile (sequence 0)
/// and anything not sent by the kernel are skipped. Not thread-safe: one caller at a time, and not while an
/// <see cref="AuditReceiver"/> reads from the same client.
/// </summary>
public sealed class AuditNetlinkClient : IDisposable
{
    private static readonly TimeSpan DefaultReplyTimeout = TimeSpan.FromSeconds(5);

    private readonly INetlinkTransport _transport;
    private readonly TimeSpan _replyTimeout;
    private readonly Func<bool> _isRoot;
    private readonly byte[] _receiveBuffer = GC.AllocateUninitializedArray<byte>(64 * 1024);
    private uint _sequence;

    internal AuditNetlinkClient(INetlinkTransport transport, TimeSpan? replyTimeout = null, Func<bool>? isRoot = null)
    {
        _transport = transport;
        _replyTimeout = replyTimeout ?? DefaultReplyTimeout;
        _isRoot = isRoot ?? (() => NativeMethods.GetEffectiveUserId() == 0);
    }

    private delegate bool ReplyHandler(ushort type, ReadOnlySpan<byte> payload);

    /// <summary>The socket underneath, shared with an <see cref="AuditReceiver"/> in unicast mode.</summary>
    internal INetlinkTransport Transport => _transport;

    /// <summary>
    /// Opens a NETLINK_AUDIT socket bound to <paramref name="mode"/>. A <paramref name="receiveBufferBytes"/> above 0
    /// enlarges the socket's receive buffer (for receiving events; requests need no more than the default).
    /// </summary>
    /// <exception cref="AuditKernelException">The socket cannot be opened or bound (no audit support, no permission).</exception>
    public static AuditNetlinkClient Open(AuditSocketMode mode, int receiveBufferBytes = 0) =>
        new(NetlinkSocket.Open(mode, receiveBufferBytes));

    /// <summary>AUDIT_GET: the kernel's audit status now.</summary>
    public AuditStatus GetStatus()
    {
        AuditStatus? status = null;
        Request(NetlinkConstants.AuditGet, [], "get audit status", (type, payload) =>
        {
            if (type == NetlinkConstants.AuditGet)
            {
                status = AuditStatus.Decode(payload);
            }

            return status is not null;
        });
        return status!;
    }

    /// <summary>AUDIT_SET with only the fields set in <paramref name="update"/>; does nothing when none is.</summary>
    public void SetStatus(AuditStatusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.IsEmpty)
        {
            return;
        }

        Span<byte> payload = stackalloc byte[AuditStatus.WireLength];
        update.Encode(payload);
        var operation = $"set audit status ({update})";
        try
        {
            Request(NetlinkConstants.AuditSet, payload, operation, null);
        }
        catch (AuditKernelException e) when (update.Pid.HasValue && e.Errno is Errno.EEXIST or Errno.EACCES)
        {
            throw ExplainPidConflict(e, operation);
        }
    }

    /// <summary>AUDIT_LIST_RULES: every rule's <c>audit_rule_data</c> bytes, in the kernel's order.</summary>
    public IReadOnlyList<byte[]> ListRules()
    {
        var rules = new List<byte[]>();
        Request(NetlinkConstants.AuditListRules, [], "list rules", (type, payload) =>
        {
            if (type == NetlinkConstants.AuditListRules)
            {
                rules.Add(payload.ToArray());
                return false;
            }

            return type == NetlinkConstants.MessageDone;
        });
        return rules;
    }

    /// <summary>AUDIT_ADD_RULE with one <c>audit_rule_data</c>. A duplicate fails with EEXIST ("rule exists").</summary>
    public void AddRule(ReadOnlySpan<byte> ruleData) => Request(NetlinkConstants.AuditAddRule, ruleData, "add rule", null);

    /// <summary>AUDIT_DEL_RULE with one <c>audit_rule_data</c> as listed by <see cref="ListRules"/>.</summary>
    public void DeleteRule(ReadOnlySpan<byte> ruleData) => Request(NetlinkConstants.AuditDeleteRule, ruleData, "delete rule", null);

    /// <summary>Lists the rules and deletes each; returns how many were deleted. A rule that vanished meanwhile is not an error.</summary>
    public int DeleteAllRules()
    {
        var deleted = 0;
        foreach (var rule in ListRules())
        {
            try
            {
                DeleteRule(rule);
                deleted++;
            }
            catch (AuditKernelException e) when (e.Errno == Errno.ENOENT)
            {
            }
        }

        return deleted;
    }

    public void Dispose() => _transport.Dispose();

    private void Request(ushort type, ReadOnlySpan<byte> payload, string operation, ReplyHandler? onReply)
    {
        var sequence = NextSequence();
        Send(type, sequence, payload);
        var acknowledged = false;
        var replied = onReply is null;
        var clock = Stopwatch.StartNew();
        while (!(acknowledged && replied))
        {
            if (clock.Elapsed > _replyTimeout)
            {
                throw new AuditKernelException(Errno.ETIMEDOUT, operation, $"{operation} failed: no reply from the kernel within {_replyTimeout.TotalSeconds:0.#} s");
            }

            if (_transport.Receive(_receiveBuffer, out var length, out var sender) != NetlinkReceiveStatus.Received || sender != 0)
            {
                // Timeouts are re-checked above. An overflow may have cost our reply too; the deadline then reports it.
                continue;
            }

            var reader = new NetlinkMessageReader(_receiveBuffer.AsSpan(0, length));
            while (reader.TryRead(out var message))
            {
                if (message.Sequence != sequence)
                {
                    continue;
                }

                if (message.Type == NetlinkConstants.MessageError)
                {
                    ThrowIfError(message.Payload, operation);
                    acknowledged = true;
                }
                else if (!replied)
                {
                    replied = onReply!(message.Type, message.Payload);
                }
            }
        }
    }

    private void Send(ushort type, uint sequence, ReadOnlySpan<byte> payload)
    {
        var length = NetlinkConstants.HeaderLength + payload.Length;
        var datagram = new byte[NetlinkConstants.Align(length)];
        BinaryPrimitives.WriteUInt32LittleEndian(datagram, (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(datagram.AsSpan(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(datagram.AsSpan(6), NetlinkConstants.FlagRequest | NetlinkConstants.FlagAck);
        BinaryPrimitives.WriteUInt32LittleEndian(datagram.AsSpan(8), sequence);
        payload.CopyTo(datagram.AsSpan(NetlinkConstants.HeaderLength));
        _transport.Send(datagram);
    }

    private void ThrowIfError(ReadOnlySpan<byte> payload, string operation)
    {
        if (payload.Length < 4)
        {
            throw new AuditKernelException(0, operation, $"{operation} failed: the kernel sent a truncated error message");
        }

        var errno = -BinaryPrimitives.ReadInt32LittleEndian(payload);
        if (errno != 0)
        {
            throw new AuditKernelException(errno, operation, AuditErrorMessages.Describe(errno, operation, _isRoot()));
        }
    }

    private AuditKernelException ExplainPidConflict(AuditKernelException e, string operation)
    {
        uint registered;
        try
        {
            registered = GetStatus().Pid;
        }
        catch (AuditKernelException)
        {
            return e;
        }

        if (registered == 0)
        {
            return e;
        }

        var comm = AuditErrorMessages.CommOf(registered);
        var message = e.Errno == Errno.EEXIST
            ? AuditErrorMessages.PidTaken(operation, registered, comm)
            : AuditErrorMessages.NotOurPid(operation, registered, comm);
        return new AuditKernelException(e.Errno, operation, message, e);
    }

    private uint NextSequence()
    {
        // 0 is what the kernel puts on events it sends by itself, so a request never uses it.
        _sequence = _sequence == uint.MaxValue ? 1 : _sequence + 1;
        return _sequence;
    }
}
