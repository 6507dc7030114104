using Shipper.Cli.Tests.Support;

namespace Shipper.Cli.Tests.Plugins;

/// <summary>The host loads plugins it was never built with, from folders under path.home.</summary>
public sealed class PluginLoadingTests
{
    private const string SampleConfig = """
        shipper.modules:
        - module: sample
          count: 2
          message: from a third party
        output.console: {}
        """;

    [Fact]
    public async Task A_third_party_module_dropped_into_modules_passes_test_config()
    {
        using var home = new ShipperHome().WithSampleModule().WithConsoleOutput();
        var config = home.Config(SampleConfig);

        var run = await AppRun.Of(home.Path, "test", "config", "-c", config);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Config OK", run.Out.Trim());
    }

    [Fact]
    public async Task A_third_party_plugin_contributes_a_command_that_reads_its_module_block()
    {
        using var home = new ShipperHome().WithSampleModule().WithConsoleOutput();
        var config = home.Config(SampleConfig);

        var run = await AppRun.Of(home.Path, "show", "sample-greeting", "-c", config);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("greeting: from a third party", run.Out.Trim());
    }

    [Fact]
    public async Task A_contributed_command_can_ask_for_an_output_block_enabled_or_not_without_the_host_keys()
    {
        using var home = new ShipperHome().WithSampleModule().WithConsoleOutput();
        var config = home.Config("""
            output.console:
              enabled: false
              backoff.init: 2s
              pretty: true
            output.file.enabled: true
            """);

        var run = await AppRun.Of(home.Path, "show", "sample-output", "-c", config);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("keys: pretty", run.Out.Trim());
    }

    [Fact]
    public async Task A_command_asking_for_an_output_that_is_not_configured_gets_none()
    {
        using var home = new ShipperHome().WithSampleModule().WithConsoleOutput();
        var config = home.Config("output.file.enabled: true\n");

        var run = await AppRun.Of(home.Path, "show", "sample-output", "-c", config);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("no output block", run.Out.Trim());
    }

    [Fact]
    public async Task An_unknown_module_type_is_a_config_error_listing_the_types_installed()
    {
        using var home = new ShipperHome().WithSampleModule().WithConsoleOutput();
        var config = home.Config("""
            shipper.modules:
            - module: sampel
            output.console: {}
            """);

        var run = await AppRun.Of(home.Path, "test", "config", "-c", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown module type 'sampel' (available: sample)", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{config}:2:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_output_type_is_a_config_error_listing_the_outputs_installed()
    {
        using var home = new ShipperHome().WithSampleModule().WithConsoleOutput();
        var config = home.Config("""
            shipper.modules:
            - module: sample
            output.kafka:
              hosts: [localhost]
            """);

        var run = await AppRun.Of(home.Path, "test", "config", "-c", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown output type 'kafka' (available: console)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_in_a_plugins_own_block_names_the_key_and_line()
    {
        using var home = new ShipperHome().WithSampleModule().WithConsoleOutput();
        var config = home.Config("""
            shipper.modules:
            - module: sample
              count: -5
            output.console: {}
            """);

        var run = await AppRun.Of(home.Path, "test", "config", "-c", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("count", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{config}:3:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelled_key_in_a_plugins_block_is_an_error()
    {
        using var home = new ShipperHome().WithSampleModule().WithConsoleOutput();
        var config = home.Config("""
            shipper.modules:
            - module: sample
              mesage: typo
            output.console: {}
            """);

        var run = await AppRun.Of(home.Path, "test", "config", "-c", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("shipper.modules.0.mesage", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands_plugins_contribute()
    {
        using var home = new ShipperHome().WithSampleModule().WithConsoleOutput();

        var run = await AppRun.Of(home.Path, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("show sample-greeting", run.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_folder_without_a_plugin_is_reported_by_name()
    {
        using var home = new ShipperHome().WithConsoleOutput();
        var folder = Path.Combine(home.Path, "modules", "broken");
        Directory.CreateDirectory(folder);
        File.Copy(typeof(YamlDotNet.Core.Mark).Assembly.Location, Path.Combine(folder, "NotAPlugin.dll"));
        var config = home.Config("output.console: {}\n");

        var run = await AppRun.Of(home.Path, "test", "config", "-c", config);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("modules/broken", run.Error, StringComparison.Ordinal);
        Assert.Contains("IShipperPlugin", run.Error, StringComparison.Ordinal);
    }
}
