using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>
/// Decodes a SOCKADDR record's <c>saddr</c> (the socket address in hex, as the syscall passed it) into
/// <c>family</c> and <c>addr</c>/<c>port</c> (inet, inet6, with <c>flow</c> and <c>scope</c> when not 0),
/// <c>path</c> (unix; an abstract name is shown with a leading <c>@</c>), or <c>pid</c>/<c>groups</c> (netlink).
/// Other families keep the raw <c>saddr</c> beside their number.
/// </summary>
internal static class SockaddrDecoder
{
    private const int AfUnix = 1;
    private const int AfInet = 2;
    private const int AfInet6 = 10;
    private const int AfNetlink = 16;

    private static readonly FieldKey AddrKey = FieldKey.Of("addr");
    private static readonly FieldKey FamilyKey = FieldKey.Of("family");
    private static readonly FieldKey FlowKey = FieldKey.Of("flow");
    private static readonly FieldKey GroupsKey = FieldKey.Of("groups");
    private static readonly FieldKey PathKey = FieldKey.Of("path");
    private static readonly FieldKey PidKey = FieldKey.Of("pid");
    private static readonly FieldKey PortKey = FieldKey.Of("port");
    private static readonly FieldKey SaddrKey = FieldKey.Of("saddr");
    private static readonly FieldKey ScopeKey = FieldKey.Of("scope");

    /// <summary>Adds the decoded fields to <paramref name="into"/>; false (nothing added) when <paramref name="hex"/> is not hex.</summary>
    public static bool TryDecode<TFields>(ReadOnlySpan<byte> hex, ref TFields into)
        where TFields : struct, IRecordFields
    {
        var bytes = new byte[hex.Length / 2];
        if (hex.Length < 4 || !HexText.TryDecode(hex, bytes))
        {
            return false;
        }

        var family = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        switch (family)
        {
            case AfInet when bytes.Length >= 8:
                into.Add(FamilyKey, "ipv4");
                into.Add(AddrKey, new IPAddress(bytes.AsSpan(4, 4)).ToString());
                into.Add(PortKey, Port(bytes));
                return true;
            case AfInet6 when bytes.Length >= 24:
                into.Add(FamilyKey, "ipv6");
                into.Add(AddrKey, new IPAddress(bytes.AsSpan(8, 16)).ToString());
                into.Add(PortKey, Port(bytes));
                AddIfNotZero(ref into, FlowKey, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4)));
                if (bytes.Length >= 28)
                {
                    AddIfNotZero(ref into, ScopeKey, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)));
                }

                return true;
            case AfUnix:
                into.Add(FamilyKey, "unix");
                var path = UnixPath(bytes.AsSpan(2));
                if (path.Length > 0)
                {
                    into.Add(PathKey, path);
                }

                return true;
            case AfNetlink when bytes.Length >= 12:
                into.Add(FamilyKey, "netlink");
                into.Add(PidKey, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)).ToString(CultureInfo.InvariantCulture));
                into.Add(GroupsKey, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)).ToString(CultureInfo.InvariantCulture));
                return true;
            default:
                into.Add(FamilyKey, family.ToString(CultureInfo.InvariantCulture));
                into.Add(SaddrKey, Encoding.ASCII.GetString(hex));
                return true;
        }
    }

    private static string Port(byte[] bytes) => BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(2)).ToString(CultureInfo.InvariantCulture);

    private static void AddIfNotZero<TFields>(ref TFields into, FieldKey key, uint value)
        where TFields : struct, IRecordFields
    {
        if (value != 0)
        {
            into.Add(key, value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// A path name ends at its first NUL. An abstract name starts with a NUL and runs to the end of the address
    /// (it may hold NULs, shown as <c>@</c> like <c>ss</c> does).
    /// </summary>
    private static string UnixPath(ReadOnlySpan<byte> sunPath)
    {
        if (sunPath.IsEmpty)
        {
            return string.Empty;
        }

        if (sunPath[0] == 0)
        {
            var name = sunPath[1..].ToArray();
            name.AsSpan().Replace((byte)0, (byte)'@');
            return "@" + Encoding.UTF8.GetString(name);
        }

        var end = sunPath.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? sunPath : sunPath[..end]);
    }
}
