using Shipper.Config;

namespace Shipper.Modules.Auditd.Tests.Module;

public class AuditdOptionsTests
{
    [Fact]
    public void Defaults_are_those_of_the_module_documentation()
    {
        var options = new AuditdOptions();

        Assert.True(options.ResolveIds);
        Assert.Equal(FailureMode.Silent, options.FailureMode);
        Assert.Equal(8192u, options.BacklogLimit);
        Assert.Equal(0u, options.RateLimit);
        Assert.False(options.IncludeRawMessage);
        Assert.False(options.IncludeWarnings);
        Assert.Equal(BackpressureStrategy.Auto, options.BackpressureStrategy);
        Assert.Equal(SocketType.Auto, options.SocketType);
        Assert.Null(options.AuditRules);
        Assert.Empty(options.AuditRuleFiles);
        Assert.False(options.Immutable);
        Assert.Null(options.BacklogWaitTime);
        Assert.Equal(8 << 20, options.ReceiveBufferSize);
        Assert.True(Validate(options).IsEmpty);
    }

    [Fact]
    public void Failure_modes_carry_the_kernels_numbers()
    {
        Assert.Equal([0, 1, 2], new[] { FailureMode.Silent, FailureMode.Log, FailureMode.Panic }.Select(m => (int)m));
    }

    [Fact]
    public void Immutable_with_multicast_is_an_error_naming_immutable()
    {
        var errors = Validate(new AuditdOptions { Immutable = true, SocketType = SocketType.Multicast });

        var (key, message) = Assert.Single(errors.Items);
        Assert.Equal("immutable", key);
        Assert.Contains("multicast", message);
    }

    [Fact]
    public void A_backlog_wait_time_the_kernel_would_refuse_names_the_key()
    {
        var errors = Validate(new AuditdOptions { BacklogWaitTime = 600_001 });

        Assert.Equal("backlog_wait_time", Assert.Single(errors.Items).Key);
    }

    [Fact]
    public void A_negative_receive_buffer_size_names_the_key()
    {
        Assert.Equal("receive_buffer_size", Assert.Single(Validate(new AuditdOptions { ReceiveBufferSize = -1 }).Items).Key);
    }

    [Fact]
    public void An_empty_rule_file_pattern_names_its_position()
    {
        var errors = Validate(new AuditdOptions { AuditRuleFiles = ["/etc/audit/*.rules", " "] });

        Assert.Equal("audit_rule_files.1", Assert.Single(errors.Items).Key);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("## only comments\n  # and blanks\n\n", false)]
    [InlineData("# identity\n-w /etc/passwd -p wa -k identity\n", true)]
    public void Rules_count_as_configured_only_when_a_line_is_not_a_comment(string? rules, bool expected)
    {
        Assert.Equal(expected, new AuditdOptions { AuditRules = rules }.HasRules);
    }

    [Fact]
    public void Settings_are_explicit_only_when_their_key_was_written()
    {
        var options = new AuditdOptions { ConfiguredKeys = new HashSet<string> { "backlog_limit" } };

        Assert.True(options.IsConfigured("backlog_limit"));
        Assert.False(options.IsConfigured("rate_limit"));
    }

    private static ValidationErrors Validate(AuditdOptions options)
    {
        var errors = new ValidationErrors();
        options.Validate(errors);
        return errors;
    }
}
