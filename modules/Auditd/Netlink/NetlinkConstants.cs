namespace Shipper.Modules.Auditd.Netlink;

/// <summary>Numbers from linux/netlink.h and linux/audit.h used on the control path.</summary>
internal static class NetlinkConstants
{
    public const int HeaderLength = 16;

    public const ushort MessageNoop = 1;
    public const ushort MessageError = 2;
    public const ushort MessageDone = 3;
    public const ushort MessageOverrun = 4;

    public const ushort FlagRequest = 0x1;
    public const ushort FlagMulti = 0x2;
    public const ushort FlagAck = 0x4;

    public const ushort AuditGet = 1000;
    public const ushort AuditSet = 1001;
    public const ushort AuditAddRule = 1011;
    public const ushort AuditDeleteRule = 1012;
    public const ushort AuditListRules = 1013;

    /// <summary>The largest audit record the kernel sends (MAX_AUDIT_MESSAGE_LENGTH) plus the netlink header.</summary>
    public const int MaxAuditMessageLength = 8970 + HeaderLength;

    public static int Align(int length) => (length + 3) & ~3;
}
