using System.Globalization;
using System.Text;
using Shipper.Modules.Auditd.Tables;
using static Shipper.Modules.Auditd.Rules.AuditRuleConstants;

namespace Shipper.Modules.Auditd.Rules;

/// <summary>
/// Prints rules as the kernel lists them exactly as <c>auditctl -l</c> (audit 3.0.9) does: watches as <c>-w</c>,
/// keys as <c>-F key=</c>, syscalls merged in number order, <c>b64</c>/<c>b32</c>, a0–a3 in hex, exit as
/// <c>-ENAME</c>, message types by name, <c>No rules</c> when there are none. Like auditctl, syscall names of a rule
/// without <c>-F arch</c> are looked up in the arch of the last rule printed with one (the host's before any).
/// </summary>
public static class RuleFormatter
{
    /// <summary>The whole listing, one line per rule, each ending in a newline.</summary>
    public static string Format(IEnumerable<byte[]> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var output = new StringBuilder();
        uint elf = 0;
        foreach (var bytes in rules)
        {
            FormatRule(output, AuditRuleData.Decode(bytes), ref elf);
            output.Append('\n');
        }

        return output.Length == 0 ? "No rules\n" : output.ToString();
    }

    /// <summary>One rule, as its line of <c>auditctl -l</c> (without the newline).</summary>
    public static string FormatRule(AuditRuleData rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var output = new StringBuilder();
        uint elf = 0;
        FormatRule(output, rule, ref elf);
        return output.ToString();
    }

    private static void FormatRule(StringBuilder output, AuditRuleData rule, ref uint elf)
    {
        var watch = IsWatch(rule);
        if (!watch)
        {
            output.Append("-a ").Append(ActionName(rule.Action)).Append(',').Append(ListName(rule.List));
            foreach (var field in rule.Fields.Where(f => (f.Field & ~Operators) == Arch))
            {
                elf = field.Value;
                output.Append(" -F arch").Append(RuleOperators.Symbol(field.Operator & Operators)).Append(ArchTable.Is64Bit(field.Value) ? "b64" : "b32");
            }

            AppendSyscalls(output, rule, elf);
        }

        foreach (var field in rule.Fields)
        {
            AppendField(output, field, watch);
        }
    }

    private static bool IsWatch(AuditRuleData rule)
    {
        var perm = false;
        foreach (var field in rule.Fields)
        {
            var id = (int)(field.Field & ~Operators);
            perm |= id == Perm;
            if (id is not (Perm or FilterKey or Dir or Watch))
            {
                return false;
            }
        }

        return perm && (rule.List is FilterUser or FilterTask or FilterExclude || AllSyscalls(rule));
    }

    private static bool AllSyscalls(AuditRuleData rule)
    {
        for (var i = 0; i < BitmaskSize - 1; i++)
        {
            if (rule.Mask[i] != uint.MaxValue)
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendSyscalls(StringBuilder output, AuditRuleData rule, uint elf)
    {
        if (rule.List is FilterUser or FilterTask or FilterExclude or FilterFs)
        {
            return;
        }

        if (AllSyscalls(rule))
        {
            output.Append(" -S all");
            return;
        }

        var arch = elf != 0 ? elf : HostMachine.Arch;
        var first = true;
        for (var number = 0; number < BitmaskSize * 32; number++)
        {
            if ((rule.Mask[number / 32] & (1u << (number % 32))) == 0)
            {
                continue;
            }

            output.Append(first ? " -S " : ",");
            if (SyscallTable.TryGetName(arch, number, out var name))
            {
                output.Append(name);
            }
            else
            {
                output.Append(number.ToString(CultureInfo.InvariantCulture));
            }

            first = false;
        }
    }

    private static void AppendField(StringBuilder output, RuleField field, bool watch)
    {
        var id = (int)(field.Field & ~Operators);
        var op = RuleOperators.Symbol(field.Operator & Operators);
        if (id == Arch)
        {
            return;
        }

        if (!FieldTable.TryGetName(id, out var name))
        {
            output.Append(" f").Append(field.Field.ToString(CultureInfo.InvariantCulture)).Append(op).Append(Signed(field.Value));
            return;
        }

        var text = field.Text is null ? string.Empty : Encoding.UTF8.GetString(field.Text);
        switch (id)
        {
            case MsgType:
                output.Append(" -F ").Append(name).Append(op)
                    .Append(MessageTypeTable.TryGetName((int)field.Value, out var type) ? type : Signed(field.Value));
                break;
            case >= SubjUser and <= ObjLevHigh when id != Ppid:
                output.Append(" -F ").Append(name).Append(op).Append(text);
                break;
            case Watch:
                output.Append(watch ? "-w " : " -F path=").Append(text);
                break;
            case Dir:
                output.Append(watch ? "-w " : " -F dir=").Append(text);
                break;
            case Exe:
                output.Append(" -F exe=").Append(text);
                break;
            case FilterKey:
                foreach (var key in text.Split('\x01', StringSplitOptions.RemoveEmptyEntries))
                {
                    output.Append(watch ? " -k " : " -F key=").Append(key);
                }

                break;
            case Perm:
                output.Append(watch ? " -p " : " -F perm=").Append(Permissions(field.Value));
                break;
            case Inode:
                output.Append(" -F ").Append(name).Append(op).Append(field.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case FieldCompare:
                if (CompareTable.TryGetFields((int)field.Value, out var left, out var right))
                {
                    output.Append(" -C ").Append(left).Append(op).Append(right);
                }

                break;
            case >= Arg0 and <= Arg3:
                output.Append(" -F ").Append(name).Append(op).Append("0x").Append(field.Value.ToString("X", CultureInfo.InvariantCulture));
                break;
            case Exit:
                var exit = unchecked((int)field.Value);
                output.Append(" -F ").Append(name).Append(op)
                    .Append(exit < 0 && ErrnoTable.TryGetName(-exit, out var errno) ? "-" + errno : Signed(field.Value));
                break;
            case FsType:
                output.Append(" -F ").Append(name).Append(op)
                    .Append(FsTypeTable.TryGetName(field.Value, out var fs) ? fs : Signed(field.Value));
                break;
            default:
                output.Append(" -F ").Append(name).Append(op).Append(Signed(field.Value));
                break;
        }
    }

    private static string Signed(uint value) => unchecked((int)value).ToString(CultureInfo.InvariantCulture);

    private static string Permissions(uint value)
    {
        var perms = new StringBuilder(4);
        if ((value & PermRead) != 0)
        {
            perms.Append('r');
        }

        if ((value & PermWrite) != 0)
        {
            perms.Append('w');
        }

        if ((value & PermExec) != 0)
        {
            perms.Append('x');
        }

        if ((value & PermAttr) != 0)
        {
            perms.Append('a');
        }

        return perms.ToString();
    }

    private static string ActionName(uint action) => action switch
    {
        ActionNever => "never",
        ActionPossible => "possible",
        ActionAlways => "always",
        _ => "(null)",
    };

    private static string ListName(uint list) => list switch
    {
        FilterUser => "user",
        FilterTask => "task",
        FilterExit => "exit",
        FilterExclude => "exclude",
        FilterFs => "filesystem",
        _ => "(null)",
    };
}
