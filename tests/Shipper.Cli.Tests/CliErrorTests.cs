using Shipper.Cli.Tests.Support;

namespace Shipper.Cli.Tests;

/// <summary>Every way to start wrong ends with exit code 2 and a message naming what to fix.</summary>
public sealed class CliErrorTests
{
    [Fact]
    public async Task No_enabled_output_is_a_config_error_listing_the_outputs()
    {
        using var home = new ShipperHome().WithConsoleOutput();
        var config = home.Config("output.console:\n  enabled: false\n");

        var run = await AppRun.Of(home.Path, "test", "config", "-c", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no output is enabled", run.Error, StringComparison.Ordinal);
        Assert.Contains("output.console", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_enabled_outputs_are_a_config_error_naming_both()
    {
        using var home = new ShipperHome().WithConsoleOutput();
        var config = home.Config("output.console: {}\noutput.file:\n  path: /tmp\n");

        var run = await AppRun.Of(home.Path, "test", "config", "-c", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("only one output can be enabled", run.Error, StringComparison.Ordinal);
        Assert.Contains("output.console", run.Error, StringComparison.Ordinal);
        Assert.Contains("output.file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yaml_syntax_error_names_file_line_and_column()
    {
        using var home = new ShipperHome().WithConsoleOutput();
        var config = home.Config("output.console:\n  pretty: [true\n");

        var run = await AppRun.Of(home.Path, "test", "config", "-c", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(config)}:\d+:\d+", run.Error);
    }

    [Fact]
    public async Task A_misspelled_top_level_key_is_an_error_naming_it()
    {
        using var home = new ShipperHome().WithConsoleOutput();
        var config = home.Config("output.console: {}\nloging.level: debug\n");

        var run = await AppRun.Of(home.Path, "test", "config", "-c", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("loging", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{config}:2:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_file_writable_by_others_is_refused_unless_strict_perms_is_off()
    {
        using var home = new ShipperHome().WithConsoleOutput();
        var config = home.Config("output.console: {}\n");
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite | UnixFileMode.OtherRead);

        var strict = await AppRun.Of(home.Path, "test", "config", "-c", config);
        var relaxed = await AppRun.Of(home.Path, "test", "config", "-c", config, "--strict.perms=false");

        Assert.Equal(2, strict.ExitCode);
        Assert.Contains("--strict.perms=false", strict.Error, StringComparison.Ordinal);
        Assert.Equal(0, relaxed.ExitCode);
    }

    [Fact]
    public async Task A_missing_config_file_is_a_config_error_naming_it()
    {
        using var home = new ShipperHome().WithConsoleOutput();

        var run = await AppRun.Of(home.Path, "test", "config", "-c", Path.Combine(home.Path, "nope.yml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.yml", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        using var home = new ShipperHome().WithConsoleOutput();
        var config = home.Config("output.console: {}\n");

        var run = await AppRun.Of(home.Path, "frobnicate", "-c", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown command 'frobnicate'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_without_a_subcommand_is_a_usage_error()
    {
        using var home = new ShipperHome();

        var run = await AppRun.Of(home.Path, "test");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'test config' or 'test output'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_config_masks_secrets_and_applies_overrides()
    {
        using var home = new ShipperHome().WithConsoleOutput();
        var config = home.Config("output.console: {}\nname: edge-1\n");

        var run = await AppRun.Of(home.Path, "export", "config", "-c", config, "-E", "output.elasticsearch.password=hunter2", "-E", "output.elasticsearch.api_key=abc:def", "-E", "name=edge-2");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("hunter2", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("abc:def", run.Out, StringComparison.Ordinal);
        Assert.Contains("edge-2", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_needs_no_configuration()
    {
        using var home = new ShipperHome();

        var run = await AppRun.Of(home.Path, "version");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("shipper version ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_builtin_command_has_its_own_help()
    {
        using var home = new ShipperHome();

        var run = await AppRun.Of(home.Path, "test", "config", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage: shipper test config", run.Out, StringComparison.Ordinal);
        Assert.Contains("Config OK", run.Out, StringComparison.Ordinal);
    }
}
