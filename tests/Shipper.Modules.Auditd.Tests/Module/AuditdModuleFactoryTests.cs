using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Config;
using Shipper.Modules.Auditd.Control;
using Shipper.Modules.Auditd.Rules;

namespace Shipper.Modules.Auditd.Tests.Module;

public class AuditdModuleFactoryTests
{
    [Fact]
    public void Its_type_is_auditd()
    {
        Assert.Equal("auditd", new AuditdModuleFactory().Type);
    }

    [Fact]
    public void Binding_records_which_keys_the_user_wrote()
    {
        var options = AuditdModuleFactory.Bind(new FakeConfigSection(new AuditdOptions { BacklogLimit = 100 }, "backlog_limit", "resolve_ids"));

        Assert.True(options.IsConfigured("backlog_limit"));
        Assert.False(options.IsConfigured("rate_limit"));
    }

    [Fact]
    public void Creating_touches_no_kernel_and_needs_no_optional_services()
    {
        var module = new AuditdModuleFactory().Create(Context(new AuditdOptions(), new ServiceCollection()));

        Assert.IsType<AuditdModule>(module);
    }

    [Fact]
    public void Rules_without_a_rule_installer_are_refused_naming_audit_rules()
    {
        var options = new AuditdOptions { AuditRules = "-w /etc/passwd -p wa" };

        var error = Assert.Throws<ConfigException>(() => new AuditdModuleFactory().Create(Context(options, new ServiceCollection(), "audit_rules")));

        Assert.Equal("shipper.modules.0.audit_rules", error.KeyPath);
    }

    [Fact]
    public void Configured_rules_are_validated_by_the_installer_when_the_module_is_created()
    {
        var installer = new FakeRuleInstaller();
        var services = new ServiceCollection().AddSingleton<IRuleInstaller>(installer);

        new AuditdModuleFactory().Create(Context(new AuditdOptions { AuditRuleFiles = ["/etc/audit/rules.d/*.rules"] }, services, "audit_rule_files"));

        Assert.Equal((1, 0), (installer.Validations, installer.Installs));
    }

    [Fact]
    public void Rule_files_whose_globs_match_nothing_count_as_no_rules_so_the_kernels_rules_are_left_alone()
    {
        using var empty = new Shipper.Testing.TempDirectory();
        var services = new ServiceCollection().AddSingleton<IRuleInstaller>(new KernelRuleInstaller());
        var options = new AuditdOptions { AuditRules = "# nothing yet\n", AuditRuleFiles = [Path.Combine(empty.Path, "*.conf")] };

        new AuditdModuleFactory().Create(Context(options, services, "audit_rule_files"));

        Assert.Equal(0, options.LoadedRuleCount);
        Assert.False(options.HasRules);
        Assert.Equal(Shipper.Modules.Auditd.Netlink.AuditSocketMode.Multicast, SocketModeChooser.Choose(options, new Version(6, 1), 0, out _));
    }

    [Fact]
    public void A_rule_file_with_rules_counts_them()
    {
        using var folder = new Shipper.Testing.TempDirectory();
        folder.Write("10-identity.conf", "-w /etc/passwd -p wa -k identity\n-w /etc/group -p wa -k identity\n");
        var services = new ServiceCollection().AddSingleton<IRuleInstaller>(new KernelRuleInstaller());
        var options = new AuditdOptions { AuditRuleFiles = [Path.Combine(folder.Path, "*.conf")] };

        new AuditdModuleFactory().Create(Context(options, services, "audit_rule_files"));

        Assert.Equal(2, options.LoadedRuleCount);
        Assert.True(options.HasRules);
    }

    [Fact]
    public void A_bad_rule_fails_creation_naming_the_key_where_it_was_written_the_line_and_the_field()
    {
        var services = new ServiceCollection().AddSingleton<IRuleInstaller>(new KernelRuleInstaller());
        var options = new AuditdOptions { AuditRules = "-w /etc/passwd -p wa\n-a always,exit -F ses=1" };

        var error = Assert.Throws<ConfigException>(() => new AuditdModuleFactory().Create(Context(options, services, "audit_rules")));

        Assert.Equal("shipper.modules.0.audit_rules", error.KeyPath);
        Assert.StartsWith("shipper.yml:3:3: 'shipper.modules.0.audit_rules': audit_rules line 2: -F unknown field: ses", error.Message);
    }

    [Fact]
    public void The_plugin_registers_the_kernel_rule_installer()
    {
        var services = new ServiceCollection();
        new AuditdPlugin().ConfigureServices(services);

        Assert.IsType<KernelRuleInstaller>(services.BuildServiceProvider().GetRequiredService<IRuleInstaller>());
    }

    private static ModuleContext Context(AuditdOptions options, IServiceCollection services, params string[] keys) =>
        new(new FakeConfigSection(options, keys), NullLogger.Instance, services.BuildServiceProvider());
}
