using System.Buffers.Binary;

namespace Shipper.Modules.Auditd.Tests.Netlink;

/// <summary>Builds and reads netlink datagrams byte by byte, independently of the code under test.</summary>
internal static class NetlinkWire
{
    public const ushort Error = 2;
    public const ushort Done = 3;

    public static byte[] Message(ushort type, uint sequence, ReadOnlySpan<byte> payload, ushort flags = 0)
    {
        var length = 16 + payload.Length;
        var bytes = new byte[(length + 3) & ~3];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), sequence);
        payload.CopyTo(bytes.AsSpan(16));
        return bytes;
    }

    /// <summary>An NLMSG_ERROR message: 0 is an ACK, otherwise the positive errno the kernel refused with.</summary>
    public static byte[] Ack(uint sequence, int errno = 0)
    {
        var payload = new byte[4 + 16];
        BinaryPrimitives.WriteInt32LittleEndian(payload, -errno);
        return Message(Error, sequence, payload);
    }

    public static byte[] Event(ushort type, string text) => Message(type, 0, System.Text.Encoding.UTF8.GetBytes(text));

    public static byte[] Concat(params byte[][] messages) => [.. messages.SelectMany(m => m)];

    public static byte[] Status(params uint[] fields)
    {
        var bytes = new byte[fields.Length * 4];
        for (var i = 0; i < fields.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), fields[i]);
        }

        return bytes;
    }

    public static ushort TypeOf(byte[] datagram) => BinaryPrimitives.ReadUInt16LittleEndian(datagram.AsSpan(4));

    public static ushort FlagsOf(byte[] datagram) => BinaryPrimitives.ReadUInt16LittleEndian(datagram.AsSpan(6));

    public static uint SequenceOf(byte[] datagram) => BinaryPrimitives.ReadUInt32LittleEndian(datagram.AsSpan(8));

    public static byte[] PayloadOf(byte[] datagram) =>
        datagram.AsSpan(16, (int)BinaryPrimitives.ReadUInt32LittleEndian(datagram) - 16).ToArray();

    public static uint Field(byte[] payload, int index) => BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(index * 4));
}
