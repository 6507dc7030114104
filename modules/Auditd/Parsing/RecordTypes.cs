namespace Shipper.Modules.Auditd.Parsing;

/// <summary>
/// The record types the event stream branches on (values from the kernel's <c>linux/audit.h</c>). Every other
/// name and number is looked up in the generated tables.
/// </summary>
public static class RecordTypes
{
    public const ushort Login = 1006;
    public const ushort FirstUserMessage = 1100;
    public const ushort UserLogin = 1112;
    public const ushort LastUserMessage = 1199;
    public const ushort FirstDaemonMessage = 1200;
    public const ushort LastDaemonMessage = 1299;
    public const ushort Syscall = 1300;
    public const ushort Path = 1302;
    public const ushort Ipc = 1303;
    public const ushort Socketcall = 1304;
    public const ushort ConfigChange = 1305;
    public const ushort Sockaddr = 1306;
    public const ushort Cwd = 1307;
    public const ushort Execve = 1309;
    public const ushort Eoe = 1320;
    public const ushort BprmFcaps = 1321;
    public const ushort Capset = 1322;
    public const ushort Proctitle = 1327;
    public const ushort Replace = 1329;
    public const ushort FirstUserMessage2 = 2100;
    public const ushort LastUserMessage2 = 2999;

    /// <summary>
    /// True for records that are a whole event by themselves: the user-space ranges (1100–1299 and 2100–2999),
    /// which the kernel relays without a syscall context and never follows with EOE.
    /// </summary>
    public static bool IsStandalone(ushort type) =>
        type is >= FirstUserMessage and <= LastDaemonMessage or >= FirstUserMessage2 and <= LastUserMessage2;

    /// <summary>
    /// True for the types a module publishes: LOGIN and 1100–2999 except REPLACE (the kernel probing whether the
    /// daemon is alive). Lower numbers are control replies, not records.
    /// </summary>
    public static bool IsAuditRecord(ushort type) => type == Login || (type is >= FirstUserMessage and <= LastUserMessage2 && type != Replace);
}
