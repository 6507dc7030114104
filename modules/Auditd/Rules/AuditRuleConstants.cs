namespace Shipper.Modules.Auditd.Rules;

/// <summary>Numbers of <c>struct audit_rule_data</c> from linux/audit.h used by the rule compiler and formatter.</summary>
internal static class AuditRuleConstants
{
    public const int BitmaskSize = 64;
    public const int MaxFields = 64;
    public const int MaxKeyLength = 256;
    public const int PathMax = 4096;
    public const int NameMax = 255;
    public const byte KeySeparator = 0x01;

    /// <summary>flags, action, field_count, mask[64], fields[64], values[64], fieldflags[64], buflen.</summary>
    public const int HeaderLength = (3 + (4 * 64) + 1) * 4;

    // Filter lists (AUDIT_FILTER_*), stored in the low bits of flags.
    public const uint FilterUser = 0x00;
    public const uint FilterTask = 0x01;
    public const uint FilterEntry = 0x02;
    public const uint FilterWatch = 0x03;
    public const uint FilterExit = 0x04;
    public const uint FilterExclude = 0x05;
    public const uint FilterFs = 0x06;
    public const uint FilterMask = 0x07;
    public const uint FilterPrepend = 0x10;

    // Actions.
    public const uint ActionNever = 0;
    public const uint ActionPossible = 1;
    public const uint ActionAlways = 2;

    // Operators (fieldflags).
    public const uint OpBitMask = 0x08000000;
    public const uint OpLessThan = 0x10000000;
    public const uint OpGreaterThan = 0x20000000;
    public const uint OpNotEqual = 0x30000000;
    public const uint OpEqual = 0x40000000;
    public const uint OpBitTest = OpBitMask | OpEqual;
    public const uint OpLessThanOrEqual = OpLessThan | OpEqual;
    public const uint OpGreaterThanOrEqual = OpGreaterThan | OpEqual;
    public const uint Operators = OpEqual | OpNotEqual | OpBitMask;

    // Field ids.
    public const int Pid = 0;
    public const int Uid = 1;
    public const int Euid = 2;
    public const int Suid = 3;
    public const int Fsuid = 4;
    public const int Gid = 5;
    public const int Egid = 6;
    public const int Sgid = 7;
    public const int Fsgid = 8;
    public const int LoginUid = 9;
    public const int Pers = 10;
    public const int Arch = 11;
    public const int MsgType = 12;
    public const int SubjUser = 13;
    public const int SubjClr = 17;
    public const int Ppid = 18;
    public const int ObjUser = 19;
    public const int ObjLevHigh = 23;
    public const int LoginUidSet = 24;
    public const int SessionId = 25;
    public const int FsType = 26;
    public const int DevMajor = 100;
    public const int DevMinor = 101;
    public const int Inode = 102;
    public const int Exit = 103;
    public const int Success = 104;
    public const int Watch = 105;
    public const int Perm = 106;
    public const int Dir = 107;
    public const int FileType = 108;
    public const int ObjUid = 109;
    public const int ObjGid = 110;
    public const int FieldCompare = 111;
    public const int Exe = 112;
    public const int SaddrFam = 113;
    public const int Arg0 = 200;
    public const int Arg3 = 203;
    public const int FilterKey = 210;

    // Permissions (AUDIT_PERM_*).
    public const uint PermExec = 1;
    public const uint PermWrite = 2;
    public const uint PermRead = 4;
    public const uint PermAttr = 8;

    /// <summary>Fields whose value is a string carried in buf (values[i] holds its length).</summary>
    public static bool IsStringField(int field) =>
        (field >= SubjUser && field <= ObjLevHigh && field != Ppid) || field is Watch or Dir or FilterKey or Exe;
}
