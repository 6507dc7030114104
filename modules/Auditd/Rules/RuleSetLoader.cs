using Shipper.Config;

namespace Shipper.Modules.Auditd.Rules;

/// <summary>
/// Reads <c>audit_rules</c> and then every file of <c>audit_rule_files</c> (globs expanded in lexicographical order)
/// and compiles every line before anything touches the kernel. Duplicates, deletions of rules never added, and
/// kernel settings written as rule lines are errors; <c>-D</c> is a notice (configured rules always replace the
/// kernel's). With <c>ignore_errors</c> bad lines are collected in <see cref="RuleSet.Skipped"/> instead of thrown.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>Where <c>audit_rules</c> lines are said to come from in messages.</summary>
    public const string InlineSource = "audit_rules";

    /// <exception cref="RuleException">A line auditctl would refuse, or a file that cannot be read (without <c>ignore_errors</c>).</exception>
    public static RuleSet Load(AuditdOptions options, ShipperPaths? paths = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new Builder(options.IgnoreErrors);
        if (!string.IsNullOrWhiteSpace(options.AuditRules))
        {
            builder.Read(options.AuditRules, InlineSource);
        }

        var files = new List<string>();
        foreach (var pattern in options.AuditRuleFiles)
        {
            foreach (var file in RuleFileGlob.Expand(pattern, paths))
            {
                files.Add(file);
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new RuleException($"cannot read the rule file: {e.Message}", file, 0, null, e);
                }

                builder.Read(text, file);
            }
        }

        return new RuleSet(builder.Rules, builder.Notices, builder.Skipped, files);
    }

    /// <summary>The bytes two rules are compared by: as the kernel keeps them, without the prepend flag.</summary>
    internal static byte[] Identity(AuditRuleData rule)
    {
        var bytes = rule.ToBytes();
        bytes[0] &= unchecked((byte)~AuditRuleConstants.FilterPrepend);
        return bytes;
    }

    private sealed class Builder(bool ignoreErrors)
    {
        public List<RuleLine> Rules { get; } = [];

        public List<string> Notices { get; } = [];

        public List<RuleException> Skipped { get; } = [];

        public void Read(string text, string source)
        {
            var number = 0;
            foreach (var raw in text.Split('\n'))
            {
                number++;
                try
                {
                    if (!RuleTextParser.TryParseLine(raw, source, number, out var line, out var error))
                    {
                        throw error!;
                    }

                    if (line is not null)
                    {
                        Apply(line);
                    }
                }
                catch (RuleException e) when (ignoreErrors)
                {
                    Skipped.Add(e);
                }
            }
        }

        private void Apply(RuleLine line)
        {
            switch (line.Kind)
            {
                case RuleLineKind.Add:
                    var identity = Identity(line.Rule!);
                    var duplicate = Rules.FirstOrDefault(r => Identity(r.Rule!).AsSpan().SequenceEqual(identity));
                    if (duplicate is not null)
                    {
                        throw Error(line, $"duplicate rule: the same rule is already at {duplicate.Where}");
                    }

                    Rules.Add(line);
                    break;
                case RuleLineKind.Delete:
                    var target = Identity(line.Rule!);
                    var index = Rules.FindIndex(r => Identity(r.Rule!).AsSpan().SequenceEqual(target));
                    if (index < 0)
                    {
                        throw Error(line, "no rule matches: -d and -W delete only a rule written earlier in the configured rules");
                    }

                    Rules.RemoveAt(index);
                    break;
                case RuleLineKind.DeleteAll:
                    Notices.Add($"{line.Where}: '-D' ignored: the configured rules always replace all of the kernel's rules");
                    break;
                default:
                    throw Error(line, ControlMessage(line.Control!.Value.Option, line.Control.Value.Value));
            }
        }

        private static RuleException Error(RuleLine line, string reason) => new(reason, line.Source, line.Line, line.Text);

        private static string ControlMessage(string option, string? value) => option switch
        {
            "-b" => $"-b is a kernel setting, not a rule: set backlog_limit: {value} in the auditd module instead (or remove the line)",
            "-f" => $"-f is a kernel setting, not a rule: set failure_mode ({FailureName(value)}) in the auditd module instead (or remove the line)",
            "-r" => $"-r is a kernel setting, not a rule: set rate_limit: {value} in the auditd module instead (or remove the line)",
            "--backlog_wait_time" => $"--backlog_wait_time is a kernel setting, not a rule: set backlog_wait_time: {value} in the auditd module instead (or remove the line)",
            "-e" when value == "2" => "-e 2 locks the audit configuration: set immutable: true in the auditd module instead (or remove the line)",
            "-e" => "-e is a kernel setting, not a rule: the auditd module enables auditing itself (remove the line)",
            "-i" or "-c" => $"{option} is an auditctl switch, not a rule: set ignore_errors: true in the auditd module instead (or remove the line)",
            _ => $"{option} is not a rule and is not supported in rules (remove the line)",
        };

        private static string FailureName(string? value) => value switch
        {
            "0" => "failure_mode: silent",
            "1" => "failure_mode: log",
            "2" => "failure_mode: panic",
            _ => "silent, log or panic",
        };
    }
}
