using Shipper.Modules.Auditd.Tables;
using static Shipper.Modules.Auditd.Rules.AuditRuleConstants;

namespace Shipper.Modules.Auditd.Rules;

/// <summary>
/// Compiles the options of one auditctl command line (already split into words) into what auditctl would send,
/// following auditctl's rules: option order (<c>-F arch</c> before <c>-S</c>, a list before <c>-F</c>, a syscall or
/// watch before <c>-k</c>), one list per line, keys joined and added last, and all syscalls for rules without
/// <c>-S</c> on every list but task.
/// </summary>
internal static class RuleLineCompiler
{
    private const string OptionsWithArgument = "CefrbaAdSFmRwWkpq";
    private const string OptionsWithoutArgument = "hicslDvt";

    /// <summary>Compiles one line; returns its kind, the rule (for add and delete) and a control option.</summary>
    /// <exception cref="RuleSyntaxException">auditctl would refuse the line.</exception>
    public static (RuleLineKind Kind, AuditRuleData? Rule, (string Option, string? Value)? Control) Compile(IReadOnlyList<string> words)
    {
        var state = new RuleLineState();
        (string, string?)? control = null;
        var deleteAll = false;
        foreach (var (option, argument) in Options(words))
        {
            switch (option)
            {
                case "a" or "A" or "d":
                    SetList(state, option, argument!);
                    break;
                case "S":
                    AddSyscalls(state, argument!);
                    break;
                case "F":
                    AddField(state, argument!);
                    break;
                case "C":
                    ComparisonCompiler.Add(state, argument!);
                    break;
                case "w" or "W":
                    WatchCompiler.Add(state, option, argument!);
                    break;
                case "k":
                    if (!(state.SyscallAdded || state.PermAdded || state.ExeAdded || state.FilterFsAdded) || state.List is null)
                    {
                        throw new RuleSyntaxException("key option needs a watch or syscall given prior to it", $"-k {argument}");
                    }

                    AppendKey(state, argument!);
                    break;
                case "p":
                    if (state.List is null)
                    {
                        throw new RuleSyntaxException("permission option needs a watch given prior to it", $"-p {argument}");
                    }

                    WatchCompiler.SetPermissions(state, argument!);
                    break;
                case "D":
                    deleteAll = true;
                    break;
                case "b" or "f" or "r" or "e" or "i" or "c" or "backlog_wait_time" or "loginuid-immutable" or "reset-lost" or "reset_backlog_wait_time_actual":
                    control = (option.Length == 1 ? "-" + option : "--" + option, argument);
                    break;
                default:
                    throw new RuleSyntaxException($"-{(option.Length == 1 ? string.Empty : "-")}{option} is not a rule (only -a, -A, -d, -w, -W, -D and kernel settings belong in rules)", "-" + option);
            }
        }

        if (state.Key.Length > 0)
        {
            FieldCompiler.AddKey(state.Rule, state, state.Key, "-k " + state.Key.Replace('\x01', ','));
        }

        if (state.Add is null && state.Delete is null)
        {
            if (state.SyscallAdded)
            {
                throw new RuleSyntaxException("Error - no list specified (-a, -A or -d)", "-S");
            }

            return deleteAll ? (RuleLineKind.DeleteAll, null, control) : (RuleLineKind.Control, null, control);
        }

        if (control is not null || deleteAll)
        {
            throw new RuleSyntaxException("a rule line cannot also change kernel settings or delete all rules", control?.Item1 ?? "-D");
        }

        var rule = state.Rule;
        rule.Flags = state.Add ?? state.Delete!.Value;
        rule.Action = state.Action!.Value;
        if (rule.List != FilterTask && !state.SyscallAdded)
        {
            rule.SetAllSyscalls();
        }

        return (state.Add is not null ? RuleLineKind.Add : RuleLineKind.Delete, rule, null);
    }

    /// <summary>The options in order, as getopt reads them: <c>-X value</c>, <c>-Xvalue</c>, <c>--long[=value]</c>.</summary>
    private static IEnumerable<(string Option, string? Argument)> Options(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2)
            {
                var equals = word.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? word[2..] : word[2..equals];
                string? value = equals < 0 ? null : word[(equals + 1)..];
                if (name is "backlog_wait_time" or "signal" && value is null)
                {
                    value = i + 1 < words.Count ? words[++i] : throw new RuleSyntaxException($"--{name} needs a value", word);
                }

                yield return (name, value);
                continue;
            }

            if (word.Length < 2 || word[0] != '-')
            {
                throw new RuleSyntaxException($"parameter passed without an option given: {word}", word);
            }

            for (var c = 1; c < word.Length; c++)
            {
                var option = word[c];
                if (OptionsWithArgument.Contains(option, StringComparison.Ordinal))
                {
                    var argument = c + 1 < word.Length ? word[(c + 1)..] : i + 1 < words.Count ? words[++i] : throw new RuleSyntaxException($"option -{option} needs a value", word);
                    yield return (option.ToString(), argument);
                    break;
                }

                if (!OptionsWithoutArgument.Contains(option, StringComparison.Ordinal))
                {
                    throw new RuleSyntaxException($"Option -{option} is invalid", word);
                }

                yield return (option.ToString(), null);
            }
        }
    }

    private static void SetList(RuleLineState state, string option, string argument)
    {
        var text = $"-{option} {argument}";
        if (option != "d" && argument.Contains("task", StringComparison.Ordinal) && state.SyscallAdded)
        {
            throw new RuleSyntaxException("Syscall auditing requested for task list", text);
        }

        if (++state.ListOperations != 1)
        {
            throw new RuleSyntaxException("Multiple rule insert/delete operations are not allowed", text);
        }

        var parts = argument.Split(',');
        if (parts.Length != 2)
        {
            throw new RuleSyntaxException($"bad keyword {argument}: expected list,action such as exit,always", text);
        }

        var (list, action) = ListAndAction(parts[0], parts[1]) ?? ListAndAction(parts[1], parts[0])
            ?? throw new RuleSyntaxException($"bad keyword {argument}: lists are task, exit, user, exclude, filesystem; actions are always, never", text);
        state.Action = action;
        if (option == "d")
        {
            state.Delete = list;
        }
        else
        {
            state.Add = option == "A" ? list | FilterPrepend : list;
        }
    }

    private static (uint List, uint Action)? ListAndAction(string list, string action)
    {
        uint? filter = list.ToLowerInvariant() switch
        {
            "user" => FilterUser,
            "task" => FilterTask,
            "exit" => FilterExit,
            "exclude" => FilterExclude,
            "filesystem" => FilterFs,
            _ => null,
        };
        uint? act = action switch
        {
            "always" => ActionAlways,
            "never" => ActionNever,
            _ => null,
        };
        return filter is { } f && act is { } a ? (f, a) : null;
    }

    private static void AddSyscalls(RuleLineState state, string argument)
    {
        var text = "-S " + argument;
        var list = state.List;
        if (list == FilterTask)
        {
            throw new RuleSyntaxException("Error: syscall auditing being added to task list", text);
        }

        if (list == FilterUser)
        {
            throw new RuleSyntaxException("Error: syscall auditing being added to user list", text);
        }

        if (list == FilterFs)
        {
            throw new RuleSyntaxException("Error: syscall auditing being added to filesystem list", text);
        }

        if (list == FilterExclude)
        {
            throw new RuleSyntaxException("Error: syscall auditing cannot be put on exclude list", text);
        }

        if (state.Elf == 0)
        {
            state.Elf = HostMachine.Arch;
        }

        foreach (var name in argument.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (name == "all")
            {
                state.Rule.SetAllSyscalls();
                continue;
            }

            if (SyscallTable.TryGetNumber(state.Elf, name, out var number) || (char.IsAsciiDigit(name[0]) && TryNumber(name, out number)))
            {
                if (state.Rule.SetSyscall(number))
                {
                    continue;
                }
            }

            var arch = ArchTable.TryGetMachineName(state.Elf, out var machine) ? machine : $"0x{state.Elf:X}";
            throw new RuleSyntaxException($"Syscall name unknown: {name} (on {arch})", text);
        }

        state.SyscallAdded = true;
    }

    private static bool TryNumber(string text, out int number)
    {
        number = 0;
        if (CInteger.TryParse(text, out var n) && n is >= 0 and < BitmaskSize * 32)
        {
            number = (int)n;
            return true;
        }

        return false;
    }

    private static void AddField(RuleLineState state, string argument)
    {
        if (state.List is null)
        {
            throw new RuleSyntaxException("List must be given before field", "-F " + argument);
        }

        if (argument.StartsWith("key=", StringComparison.Ordinal))
        {
            AppendKey(state, argument[4..]);
            return;
        }

        FieldCompiler.Add(state, argument);
    }

    private static void AppendKey(RuleLineState state, string key)
    {
        var length = System.Text.Encoding.UTF8.GetByteCount(key) + System.Text.Encoding.UTF8.GetByteCount(state.Key) + (state.Key.Length > 0 ? 1 : 0);
        if (length > MaxKeyLength)
        {
            throw new RuleSyntaxException($"key option exceeds size limit ({MaxKeyLength} bytes for all keys of a rule)", "-k " + key);
        }

        state.Key = state.Key.Length > 0 ? state.Key + "\x01" + key : key;
    }
}
