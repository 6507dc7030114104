using Shipper.Config;
using Shipper.Modules.Auditd.Rules;

namespace Shipper.Modules.Auditd.Tests.Rules;

public sealed class RuleSetLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shipper-rules-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Audit_rules_come_first_then_rule_files_in_lexicographical_order()
    {
        Write("b.rules", "-a always,exit -S close -k b");
        Write("a.rules", "-a always,exit -S open -k a\n-a always,exit -S read -k a2");
        Write("c.conf", "-a always,exit -S write -k ignored");
        var set = RuleSetLoader.Load(Options("-a always,exit -S execve -k inline", Path.Combine(_folder, "*.rules")));
        Assert.Equal(["inline", "a", "a2", "b"], set.Rules.Select(r => RuleFormatter.FormatRule(r.Rule!).Split('=')[^1]));
        Assert.Equal([Path.Combine(_folder, "a.rules"), Path.Combine(_folder, "b.rules")], set.Files);
        Assert.Equal((RuleSetLoader.InlineSource, 1), (set.Rules[0].Source, set.Rules[0].Line));
        Assert.Equal(2, set.Rules[2].Line);
    }

    [Fact]
    public void Relative_rule_file_paths_are_under_path_config()
    {
        Write("x.rules", "-w /etc/hosts -p wa");
        var paths = new ShipperPaths(_folder, _folder, _folder, _folder);
        var set = RuleSetLoader.Load(Options(null, "x.rules"), paths);
        Assert.Single(set.Rules);
    }

    [Fact]
    public void A_missing_rule_file_is_an_error_but_a_glob_matching_nothing_is_not()
    {
        Assert.Contains("rule file not found", Assert.Throws<RuleException>(() => RuleSetLoader.Load(Options(null, Path.Combine(_folder, "none.rules")))).Message);
        Assert.Empty(RuleSetLoader.Load(Options(null, Path.Combine(_folder, "*.none"))).Rules);
    }

    [Fact]
    public void A_bad_line_in_any_file_fails_the_whole_set_naming_the_file_and_line()
    {
        Write("a.rules", "-w /etc/hosts\n-a always,exit -S nosuchcall");
        var error = Assert.Throws<RuleException>(() => RuleSetLoader.Load(Options("-w /etc/passwd", Path.Combine(_folder, "*.rules"))));
        Assert.Equal((Path.Combine(_folder, "a.rules"), 2), (error.Source, error.Line));
    }

    [Fact]
    public void Duplicate_rules_are_errors_naming_both_places()
    {
        var error = Assert.Throws<RuleException>(() => RuleSetLoader.Load(Options("-w /etc/hosts -p wa\n-a always,exit -F path=/etc/hosts -F perm=wa")));
        Assert.Contains("duplicate rule: the same rule is already at audit_rules line 1", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_prepended_copy_of_a_rule_is_a_duplicate_too()
    {
        Assert.Throws<RuleException>(() => RuleSetLoader.Load(Options("-a always,exit -S open\n-A always,exit -S open")));
    }

    [Fact]
    public void Delete_lines_remove_a_rule_written_earlier_and_fail_when_none_matches()
    {
        var set = RuleSetLoader.Load(Options("-w /etc/hosts -p wa\n-w /etc/passwd\n-W /etc/hosts -p wa\n-a always,exit -S open\n-d always,exit -S open"));
        Assert.Equal("-w /etc/passwd -p rwxa", RuleFormatter.FormatRule(Assert.Single(set.Rules).Rule!));
        Assert.Contains("no rule matches", Assert.Throws<RuleException>(() => RuleSetLoader.Load(Options("-d always,exit -S open"))).Message);
    }

    [Fact]
    public void Delete_all_is_ignored_with_a_notice()
    {
        var set = RuleSetLoader.Load(Options("-D\n-w /etc/hosts"));
        Assert.Single(set.Rules);
        Assert.Equal("audit_rules line 1: '-D' ignored: the configured rules always replace all of the kernel's rules", Assert.Single(set.Notices));
    }

    [Theory]
    [InlineData("-b 8192", "set backlog_limit: 8192")]
    [InlineData("-f 1", "failure_mode: log")]
    [InlineData("-r 100", "set rate_limit: 100")]
    [InlineData("-e 2", "set immutable: true")]
    [InlineData("-e 1", "enables auditing itself")]
    [InlineData("--backlog_wait_time 60000", "set backlog_wait_time: 60000")]
    [InlineData("-i", "ignore_errors: true")]
    [InlineData("--loginuid-immutable", "not supported in rules")]
    public void Kernel_settings_written_as_rule_lines_are_refused_with_the_option_to_use(string line, string advice)
    {
        var error = Assert.Throws<RuleException>(() => RuleSetLoader.Load(Options(line)));
        Assert.Contains(advice, error.Message);
    }

    [Fact]
    public void With_ignore_errors_bad_lines_are_skipped_and_reported()
    {
        var options = Options("-w /etc/hosts\n-a always,exit -F ses=1\n-b 10\n-w /etc/hosts");
        options.IgnoreErrors = true;
        var set = RuleSetLoader.Load(options);
        Assert.Single(set.Rules);
        Assert.Equal([2, 3, 4], set.Skipped.Select(e => e.Line));
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);

    private static AuditdOptions Options(string? rules, params string[] files) => new() { AuditRules = rules, AuditRuleFiles = [.. files] };
}
