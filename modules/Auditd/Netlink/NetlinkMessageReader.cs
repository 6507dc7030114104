using System.Buffers.Binary;

namespace Shipper.Modules.Auditd.Netlink;

/// <summary>
/// Walks the netlink messages of one datagram by their <c>nlmsg_len</c>, each aligned to 4 bytes. A length
/// that runs past the datagram is cut to what is there; one shorter than a header ends the walk, because nothing
/// after it can be trusted.
/// </summary>
/// <remarks>
/// The kernel sends audit records to a registered daemon (unicast) with <c>nlmsg_len</c> counting the payload only,
/// not the 16-byte header, while its multicast copies count both. So an audit record (type 1100 or above) whose
/// length plus a header is exactly what is left of the datagram is read to the end of the datagram. Records are
/// every type from 1100 up, plus AUDIT_USER (1005) and AUDIT_LOGIN (1006), which the kernel logs like any record.
/// </remarks>
public ref struct NetlinkMessageReader
{
    /// <summary>AUDIT_FIRST_USER_MSG: types below are requests and replies, whose lengths are right, except two.</summary>
    private const ushort FirstAuditRecordType = 1100;

    /// <summary>AUDIT_USER: a user-space message the kernel logs as a record (what <c>auditctl -m</c> sends).</summary>
    private const ushort AuditUser = 1005;

    /// <summary>AUDIT_LOGIN: the kernel's login record.</summary>
    private const ushort AuditLogin = 1006;

    private ReadOnlySpan<byte> _remaining;

    public NetlinkMessageReader(ReadOnlySpan<byte> datagram) => _remaining = datagram;

    /// <summary>True when the walk stopped at a malformed header rather than at the end.</summary>
    public bool Malformed { get; private set; }

    public bool TryRead(out NetlinkMessage message)
    {
        message = default;
        if (_remaining.Length < NetlinkConstants.HeaderLength)
        {
            Malformed |= _remaining.Length > 0 && _remaining.IndexOfAnyExcept((byte)0) >= 0;
            _remaining = default;
            return false;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(_remaining);
        if (length < NetlinkConstants.HeaderLength)
        {
            Malformed = true;
            _remaining = default;
            return false;
        }

        var type = BinaryPrimitives.ReadUInt16LittleEndian(_remaining[4..]);
        var end = EndOf(length, type, _remaining.Length);
        message = new NetlinkMessage(
            type: type,
            flags: BinaryPrimitives.ReadUInt16LittleEndian(_remaining[6..]),
            sequence: BinaryPrimitives.ReadUInt32LittleEndian(_remaining[8..]),
            portId: BinaryPrimitives.ReadUInt32LittleEndian(_remaining[12..]),
            payload: _remaining[NetlinkConstants.HeaderLength..end]);
        var next = NetlinkConstants.Align(end);
        _remaining = next >= _remaining.Length ? default : _remaining[next..];
        return true;
    }

    private static int EndOf(uint length, ushort type, int available)
    {
        if (length >= available)
        {
            return available;
        }

        var headerless = (int)length + NetlinkConstants.HeaderLength;
        var isAuditRecord = type >= FirstAuditRecordType || type == AuditUser || type == AuditLogin;
        return isAuditRecord && (headerless == available || NetlinkConstants.Align(headerless) == available) ? available : (int)length;
    }
}
