using System.Text;
using Shipper.Modules.Auditd.Tables;
using static Shipper.Modules.Auditd.Rules.AuditRuleConstants;

namespace Shipper.Modules.Auditd.Rules;

/// <summary>
/// Adds one <c>-F field OP value</c> to a rule as auditctl does: field names, per-list restrictions, allowed
/// operators and value conversions (users, groups, errno and message type names, arches, permissions, file types).
/// Throws <see cref="RuleSyntaxException"/> with auditctl's reason.
/// </summary>
internal static class FieldCompiler
{
    /// <summary>The address families' upper bound (AF_MAX) for <c>saddr_fam</c>.</summary>
    private const uint AddressFamilyMax = 46;

    public static void Add(RuleLineState state, string pair)
    {
        var rule = state.Rule;
        if (rule.Fields.Count >= MaxFields - 1)
        {
            throw new RuleSyntaxException($"too many fields in the rule (the kernel takes {MaxFields - 1})", pair);
        }

        if (!RuleOperators.TrySplit(pair, out var name, out var op, out var value))
        {
            throw new RuleSyntaxException($"-F missing operation for {pair}", pair);
        }

        if (name.Length == 0)
        {
            throw new RuleSyntaxException($"-F missing field name before operator for {value}", pair);
        }

        if (value.Length == 0)
        {
            throw new RuleSyntaxException($"-F missing value after operation for {name}", pair);
        }

        var field = FieldId(name, pair);
        var list = state.List ?? FilterExit;
        if (list == FilterExclude && !AllowedOnExclude(field))
        {
            throw new RuleSyntaxException($"{name}: only msgtype, pid, uid, gid, auid, exe and subj_* fields can be used with the exclude filter", pair);
        }

        if (list == FilterFs && field is not (FsType or FilterKey))
        {
            throw new RuleSyntaxException($"{name}: only fstype and key can be used with the filesystem filter", pair);
        }

        switch (field)
        {
            case Uid or Euid or Suid or Fsuid or LoginUid or ObjUid:
                var uid = UserId(name, value, pair);
                if (uid == uint.MaxValue && field != LoginUid)
                {
                    // The kernel refuses it (EINVAL); only auid is ever unset.
                    throw new RuleSyntaxException($"{name}={value} is not a valid id: only auid can be unset (-1)", pair);
                }

                rule.AddField(field, op, uid);
                break;
            case Gid or Egid or Sgid or Fsgid or ObjGid:
                var gid = GroupId(value, pair);
                if (gid == uint.MaxValue)
                {
                    throw new RuleSyntaxException($"{name}={value} is not a valid id (the kernel refuses gid 4294967295)", pair);
                }

                rule.AddField(field, op, gid);
                break;
            case Exit:
                RequireList(list, FilterExit, name, pair);
                rule.AddField(field, op, ExitValue(value, pair));
                break;
            case MsgType:
                if (list is not (FilterExclude or FilterUser))
                {
                    throw new RuleSyntaxException("msgtype field can only be used with exclude or user filter list", pair);
                }

                rule.AddField(field, op, MessageType(value, pair));
                break;
            case >= ObjUser and <= ObjLevHigh or Watch or Dir:
                RequireList(list, FilterExit, name, pair);
                if (field is Watch or Dir)
                {
                    CheckPath(state, field, value, pair);
                    state.PermAdded = true;
                }

                AddString(rule, field, op, value, pair);
                break;
            case >= SubjUser and <= SubjClr:
                AddString(rule, field, op, value, pair);
                break;
            case Exe:
                if (op is not (OpEqual or OpNotEqual))
                {
                    throw new RuleSyntaxException("exe only takes = or != operators", pair);
                }

                state.ExeAdded = true;
                AddString(rule, field, op, value, pair);
                break;
            case Arch:
                AddArch(state, op, value, pair);
                break;
            case Perm:
                RequireList(list, FilterExit, name, pair);
                if (op != OpEqual)
                {
                    throw new RuleSyntaxException("perm only takes = operator", pair);
                }

                rule.AddField(field, op, Permissions(value, pair));
                state.PermAdded = true;
                break;
            case FileType:
                RequireList(list, FilterExit, name, pair);
                if (!FileTypeTable.TryGetMode(value, out var mode))
                {
                    throw new RuleSyntaxException($"-F unknown file type - {name}: {value} (file, dir, socket, link, character, block or fifo)", pair);
                }

                rule.AddField(field, op, (uint)mode);
                break;
            case >= Arg0 and <= Arg3:
                rule.AddField(field, op, Number(name, value, pair, allowNegative: true));
                break;
            case SessionId:
                if (list is not (FilterExclude or FilterUser or FilterExit))
                {
                    throw new RuleSyntaxException("sessionid must be used with exclude, user, or exit filter", pair);
                }

                rule.AddField(field, op, value == "unset" ? uint.MaxValue : Number(name, value, pair, allowNegative: true));
                break;
            case FsType:
                RequireList(list, FilterFs, name, pair);
                rule.AddField(field, op, FileSystem(value, pair));
                state.FilterFsAdded = true;
                break;
            case LoginUidSet:
                if (op is not (OpEqual or OpNotEqual) || value is not ("0" or "1"))
                {
                    throw new RuleSyntaxException("loginuid_set takes = or != and 0 or 1", pair);
                }

                rule.AddField(field, op, value == "1" ? 1u : 0u);
                break;
            case FieldCompare:
                throw new RuleSyntaxException("field_compare is written with -C, e.g. -C uid!=euid", pair);
            case FilterKey:
                AddKey(rule, state, value, pair);
                break;
            default:
                AddNumber(rule, list, field, name, op, value, pair);
                break;
        }
    }

    /// <summary>Adds the collected key as the rule's last field, as auditctl does after reading the whole line.</summary>
    public static void AddKey(AuditRuleData rule, RuleLineState state, string key, string pair)
    {
        if (!(state.SyscallAdded || state.PermAdded || state.ExeAdded || state.FilterFsAdded))
        {
            throw new RuleSyntaxException("Key field needs a watch, syscall or exe path given prior to it", pair);
        }

        var bytes = Encoding.UTF8.GetBytes(key);
        if (bytes.Length > MaxKeyLength)
        {
            throw new RuleSyntaxException($"key is longer than {MaxKeyLength} bytes", pair);
        }

        rule.AddString(FilterKey, OpEqual, bytes);
    }

    private static int FieldId(string name, string pair)
    {
        if (FieldTable.TryGetId(name, out var id))
        {
            return id;
        }

        // The kernel knows loginuid_set (24); auditctl 3.0.9's table does not.
        if (string.Equals(name, "loginuid_set", StringComparison.OrdinalIgnoreCase))
        {
            return LoginUidSet;
        }

        throw new RuleSyntaxException($"-F unknown field: {name}", pair);
    }

    private static bool AllowedOnExclude(int field) =>
        field is Pid or Uid or Gid or LoginUid or MsgType or Exe or (>= SubjUser and <= SubjClr);

    private static void RequireList(uint list, uint required, string name, string pair)
    {
        if (list != required)
        {
            var listName = required == FilterFs ? "filesystem" : "exit";
            throw new RuleSyntaxException($"{name} can only be used with {listName} filter list", pair);
        }
    }

    private static uint UserId(string name, string value, string pair)
    {
        if (char.IsAsciiDigit(value[0]) || (value.Length >= 2 && value[0] == '-' && char.IsAsciiDigit(value[1])))
        {
            return CInteger.TryParseUInt32(value, out var id) ? id : throw OutOfRange(name, value, pair);
        }

        if (value == "unset")
        {
            return uint.MaxValue;
        }

        return UserDatabase.TryGetUid(value, out var uid) ? uid : throw new RuleSyntaxException($"Unknown user: {value}", pair);
    }

    private static uint GroupId(string value, string pair)
    {
        if (char.IsAsciiDigit(value[0]))
        {
            return CInteger.TryParseUInt32(value, out var id) ? id : throw OutOfRange("gid", value, pair);
        }

        return UserDatabase.TryGetGid(value, out var gid) ? gid : throw new RuleSyntaxException($"Unknown group: {value}", pair);
    }

    private static uint ExitValue(string value, string pair)
    {
        if (char.IsAsciiDigit(value[0]) || (value.Length >= 2 && value[0] == '-' && char.IsAsciiDigit(value[1])))
        {
            return CInteger.TryParse(value, out var n) && n is >= int.MinValue and <= int.MaxValue
                ? unchecked((uint)(int)n)
                : throw OutOfRange("exit", value, pair);
        }

        var negative = value[0] == '-';
        var name = negative ? value[1..] : value;
        if (!ErrnoTable.TryGetNumber(name, out var errno) || errno == 0)
        {
            throw new RuleSyntaxException($"-F unknown errno - exit: {value}", pair);
        }

        return unchecked((uint)(negative ? -errno : errno));
    }

    private static uint MessageType(string value, string pair)
    {
        if (char.IsAsciiDigit(value[0]))
        {
            return CInteger.TryParseUInt32(value, out var n) ? n : throw OutOfRange("msgtype", value, pair);
        }

        return MessageTypeTable.TryGetNumber(value, out var type) && type > 0
            ? (uint)type
            : throw new RuleSyntaxException($"-F unknown message type - {value}", pair);
    }

    private static void CheckPath(RuleLineState state, int field, string value, string pair)
    {
        // auditctl leaves these to the kernel, which answers EINVAL; refusing them here keeps the kernel untouched.
        if (value[0] != '/')
        {
            throw new RuleSyntaxException($"{(field == Watch ? "path" : "dir")} must be an absolute path (start with '/'): {value}", pair);
        }

        if (state.Rule.Fields.Any(f => f.Field is Watch or Dir))
        {
            throw new RuleSyntaxException("a rule takes one path or dir field, not both or two", pair);
        }
    }

    private static void AddString(AuditRuleData rule, int field, uint op, string value, string pair)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length > PathMax)
        {
            throw new RuleSyntaxException("String value too long", pair);
        }

        rule.AddString(field, op, bytes);
    }

    private static void AddArch(RuleLineState state, uint op, string value, string pair)
    {
        if (state.SyscallAdded)
        {
            throw new RuleSyntaxException("arch must be before -S", pair);
        }

        if (op is not (OpEqual or OpNotEqual))
        {
            throw new RuleSyntaxException("arch only takes = or != operators", pair);
        }

        var elf = ArchValue(value) ?? throw new RuleSyntaxException($"arch elf mapping not found: {value} (b64, b32, or a machine name such as x86_64, i386, aarch64)", pair);
        state.Elf = elf;
        state.Rule.AddField(Arch, op, elf);
    }

    private static uint? ArchValue(string value)
    {
        if (char.IsAsciiDigit(value[0]))
        {
            return CInteger.TryParseUInt32(value, out var elf) && ArchTable.TryGetMachineName(elf, out _) ? elf : null;
        }

        if (string.Equals(value, "b64", StringComparison.OrdinalIgnoreCase))
        {
            return ArchTable.Is64Bit(HostMachine.Arch) ? HostMachine.Arch : null;
        }

        if (string.Equals(value, "b32", StringComparison.OrdinalIgnoreCase))
        {
            return HostMachine.ThirtyTwoBitOf(HostMachine.Arch);
        }

        if (ArchTable.TryGetArch(value, out var arch))
        {
            return arch;
        }

        return uint.TryParse(value, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var hex) && ArchTable.TryGetMachineName(hex, out _) ? hex : null;
    }

    /// <summary>The AUDIT_PERM_* bits of r, w, x and a letters (at most four).</summary>
    public static uint Permissions(string value, string pair)
    {
        if (value.Length > 4)
        {
            throw new RuleSyntaxException($"permission {value} is too long (at most rwxa)", pair);
        }

        var bits = 0u;
        foreach (var c in value)
        {
            bits |= char.ToLowerInvariant(c) switch
            {
                'r' => PermRead,
                'w' => PermWrite,
                'x' => PermExec,
                'a' => PermAttr,
                _ => throw new RuleSyntaxException($"Permission {c} isn't supported (only r, w, x, a)", pair),
            };
        }

        return bits;
    }

    private static uint FileSystem(string value, string pair)
    {
        if (FsTypeTable.TryGetMagic(value, out var magic))
        {
            return magic;
        }

        return char.IsAsciiDigit(value[0]) && CInteger.TryParseUInt32(value, out var number)
            ? number
            : throw new RuleSyntaxException($"-F unknown file system type - fstype: {value}", pair);
    }

    private static uint Number(string name, string value, string pair, bool allowNegative)
    {
        var numeric = char.IsAsciiDigit(value[0]) || (allowNegative && value.Length >= 2 && value[0] == '-' && char.IsAsciiDigit(value[1]));
        if (!numeric)
        {
            throw new RuleSyntaxException($"-F value should be number for {name}", pair);
        }

        return CInteger.TryParseUInt32(value, out var n) ? n : throw OutOfRange(name, value, pair);
    }

    private static void AddNumber(AuditRuleData rule, uint list, int field, string name, uint op, string value, string pair)
    {
        if (field is >= DevMajor and <= Inode or Success)
        {
            RequireList(list, FilterExit, name, pair);
        }

        if (field == Inode && op is not (OpEqual or OpNotEqual))
        {
            throw new RuleSyntaxException("inode only takes = or != operators", pair);
        }

        if (field == Ppid && list != FilterExit)
        {
            throw new RuleSyntaxException("ppid field is not valid for the filter", pair);
        }

        var number = Number(name, value, pair, allowNegative: false);
        if (field == SaddrFam && number >= AddressFamilyMax)
        {
            throw new RuleSyntaxException($"value is too large for field: saddr_fam (address families are below {AddressFamilyMax})", pair);
        }

        rule.AddField(field, op, number);
    }

    private static RuleSyntaxException OutOfRange(string name, string value, string pair) =>
        new($"-F value for {name} is not a number that fits 32 bits: {value}", pair);
}
