using Shipper.Cli.CommandLine;

namespace Shipper.Cli.Tests.CommandLine;

public sealed class CliParserTests
{
    [Fact]
    public void Config_files_are_kept_in_the_order_given()
    {
        var cli = CliParser.Parse(["-c", "a.yml", "run", "-c=b.yml", "--c", "c.yml"]);

        Assert.Equal(["a.yml", "b.yml", "c.yml"], cli.ConfigFiles);
        Assert.Equal(["run"], cli.Words);
    }

    [Fact]
    public void Overrides_keep_everything_after_the_first_equals_sign()
    {
        var cli = CliParser.Parse(["-E", "output.console.pretty=true", "-E", "name=a=b"]);

        Assert.Equal(["output.console.pretty=true", "name=a=b"], cli.Overrides);
    }

    [Fact]
    public void An_override_without_a_value_is_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => CliParser.Parse(["-E", "output.console.pretty"]));

        Assert.Contains("key=value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_missing_its_value_is_a_usage_error_naming_the_flag()
    {
        var error = Assert.Throws<UsageException>(() => CliParser.Parse(["run", "-c"]));

        Assert.Contains("-c needs a value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_flags_take_a_value_in_either_form()
    {
        var cli = CliParser.Parse(["--path.home", "/opt/shipper", "--path.data=/var/lib/shipper"]);

        Assert.Equal("/opt/shipper", cli.Paths["home"]);
        Assert.Equal("/var/lib/shipper", cli.Paths["data"]);
    }

    [Fact]
    public void An_unknown_path_flag_is_a_usage_error()
    {
        Assert.Throws<UsageException>(() => CliParser.Parse(["--path.cache", "/tmp"]));
    }

    [Theory]
    [InlineData("--strict.perms=false", false)]
    [InlineData("--strict.perms", true)]
    [InlineData("--strict.perms=true", true)]
    public void Strict_perms_can_be_turned_off(string flag, bool expected)
    {
        Assert.Equal(expected, CliParser.Parse([flag]).StrictPermissions);
    }

    [Fact]
    public void Unknown_flags_stay_in_place_for_plugin_commands()
    {
        var cli = CliParser.Parse(["replay", "--follow", "audit.log", "-e"]);

        Assert.Equal(["replay", "--follow", "audit.log"], cli.Words);
        Assert.True(cli.LogToStderr);
    }

    [Fact]
    public void Debug_selectors_are_split_on_commas()
    {
        Assert.Equal(["auditd", "publisher"], CliParser.Parse(["-d", "auditd,publisher"]).DebugSelectors);
    }
}
