using System.Text;
using static Shipper.Modules.Auditd.Rules.AuditRuleConstants;

namespace Shipper.Modules.Auditd.Rules;

/// <summary><c>-w path</c> / <c>-W path</c> and <c>-p perms</c> as auditctl builds them.</summary>
internal static class WatchCompiler
{
    public static void Add(RuleLineState state, string option, string path)
    {
        var text = $"-{option} {path}";
        if (option == "w" && state.List is not null)
        {
            throw new RuleSyntaxException("watch option can't be given with a syscall", text);
        }

        if (Encoding.UTF8.GetByteCount(path) >= PathMax)
        {
            throw new RuleSyntaxException("The path passed for the watch is too big", text);
        }

        if (path[0] != '/')
        {
            throw new RuleSyntaxException($"The path must start with '/': {path}", text);
        }

        if (Encoding.UTF8.GetByteCount(Path.GetFileName(path.TrimEnd('/'))) > NameMax)
        {
            throw new RuleSyntaxException("The base name of the path is too big", text);
        }

        if (state.Rule.Fields.Count > 0)
        {
            throw new RuleSyntaxException("Rule is not empty: -w must come before -F", text);
        }

        // auditctl trims trailing slashes from paths longer than two characters.
        var trimmed = path;
        if (trimmed.Length > 2)
        {
            while (trimmed.Length > 1 && trimmed[^1] == '/')
            {
                trimmed = trimmed[..^1];
            }
        }

        var field = Directory.Exists(trimmed) ? Dir : Watch;
        if (option == "w")
        {
            state.Add = FilterExit;
        }
        else
        {
            state.Delete = FilterExit;
        }

        state.Action = ActionAlways;
        state.SyscallAdded = true;
        state.PermAdded = true;
        Array.Clear(state.Rule.Mask);
        state.Rule.SetAllSyscalls();
        state.Rule.AddString(field, OpEqual, Encoding.UTF8.GetBytes(trimmed));
        state.Rule.AddField(Perm, OpEqual, PermRead | PermWrite | PermExec | PermAttr);
    }

    public static void SetPermissions(RuleLineState state, string perms)
    {
        var bits = FieldCompiler.Permissions(perms, "-p " + perms);
        var fields = state.Rule.Fields;
        if (fields.Count == 0)
        {
            throw new RuleSyntaxException("permission option needs a watch given prior to it", "-p " + perms);
        }

        var found = false;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Field == Perm)
            {
                fields[i] = fields[i] with { Value = bits };
                found = true;
            }
        }

        if (!found)
        {
            state.Rule.AddField(Perm, OpEqual, bits);
        }

        state.PermAdded = true;
    }
}
