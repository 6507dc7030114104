using System.Buffers.Binary;

namespace Shipper.Modules.Auditd.Netlink;

/// <summary>
/// Walks the netlink messages of one datagram by their <c>nlmsg_len</c>, each aligned to 4 bytes. A length
/// that runs past the datagram is cut to what is there (older kernels miscounted); one shorter than a header
/// ends the walk, because nothing after it can be trusted.
/// </summary>
public ref struct NetlinkMessageReader
{
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

        var end = (int)Math.Min(length, (uint)_remaining.Length);
        message = new NetlinkMessage(
            type: BinaryPrimitives.ReadUInt16LittleEndian(_remaining[4..]),
            flags: BinaryPrimitives.ReadUInt16LittleEndian(_remaining[6..]),
            sequence: BinaryPrimitives.ReadUInt32LittleEndian(_remaining[8..]),
            portId: BinaryPrimitives.ReadUInt32LittleEndian(_remaining[12..]),
            payload: _remaining[NetlinkConstants.HeaderLength..end]);
        var next = NetlinkConstants.Align(end);
        _remaining = next >= _remaining.Length ? default : _remaining[next..];
        return true;
    }
}
