using Shipper.Config;
using Shipper.Testing;

namespace Shipper.Core.Tests.Config;

public class VariableExpanderTests
{
    private static readonly Dictionary<string, string> Env = new()
    {
        ["HOST"] = "es.example",
        ["EMPTY"] = string.Empty,
        ["HOSTS"] = "[\"a:9200\", \"b:9200\"]",
        ["name"] = "from-env",
    };

    [Fact]
    public void Environment_variables_and_defaults_are_substituted()
    {
        using var dir = new TempDirectory();

        var root = ConfigFiles.Load(dir, "name: http://${HOST}:${PORT:9200}/${MISSING}x\n", Env).Root;

        Assert.Equal("http://es.example:9200/x", root.GetSection("name")?.Value);
    }

    [Fact]
    public void An_undefined_variable_alone_becomes_empty_text()
    {
        using var dir = new TempDirectory();

        var loaded = ConfigFiles.Load(dir, "name: ${MISSING}\n", Env);

        Assert.Equal(string.Empty, loaded.Options.Name);
    }

    [Fact]
    public void A_default_is_used_only_when_the_variable_is_undefined()
    {
        using var dir = new TempDirectory();

        var root = ConfigFiles.Load(dir, "name: \"[${EMPTY:fallback}]\"\ntags: ['${NOPE:${HOST}}']\n", Env).Root;

        Assert.Equal("[]", root.GetSection("name")?.Value);
        Assert.Equal("es.example", root.GetSection("tags.0")?.Value);
    }

    [Fact]
    public void A_required_variable_that_is_missing_or_empty_fails_with_its_message()
    {
        using var dir = new TempDirectory();

        var missing = ConfigFiles.LoadFails(dir, "output.file:\n  path: ${OUT_DIR:?set OUT_DIR to the output folder}\n");
        var empty = Assert.Throws<ConfigException>(() => ConfigFiles.Load(dir, "name: ${EMPTY:?needed}\n", Env));

        Assert.Equal("output.file.path", missing.KeyPath);
        Assert.Equal(2, missing.Location?.Line);
        Assert.Contains("set OUT_DIR to the output folder", missing.Message, StringComparison.Ordinal);
        Assert.Contains("OUT_DIR", missing.Message, StringComparison.Ordinal);
        Assert.Equal("name", empty.KeyPath);
    }

    [Fact]
    public void Double_dollar_escapes_a_literal_reference()
    {
        using var dir = new TempDirectory();

        var root = ConfigFiles.Load(dir, "name: cost $${HOST} and ${HOST}\n", Env).Root;

        Assert.Equal("cost ${HOST} and es.example", root.GetSection("name")?.Value);
    }

    [Fact]
    public void A_setting_wins_over_an_environment_variable_of_the_same_name()
    {
        using var dir = new TempDirectory();

        var root = ConfigFiles.Load(dir, "name: shipper-1\nsetup:\n  prefix: ${name}-idx\n  other: ${HOST}\n", Env).Root;

        Assert.Equal("shipper-1-idx", root.GetSection("setup.prefix")?.Value);
        Assert.Equal("es.example", root.GetSection("setup.other")?.Value);
    }

    [Fact]
    public void A_reference_alone_takes_the_whole_referenced_block()
    {
        using var dir = new TempDirectory();
        var yaml = "setup:\n  shared:\n    hosts: [a, b]\n    level: 2\noutput:\n  console: ${setup.shared}\n";

        var root = ConfigFiles.Load(dir, yaml).Root;

        Assert.Equal(["hosts", "level"], root.GetSection("output.console")!.Keys);
        Assert.Equal("b", root.GetSection("output.console.hosts.1")?.Value);
    }

    [Fact]
    public void An_environment_variable_may_hold_a_list_in_flow_syntax()
    {
        using var dir = new TempDirectory();

        var loaded = ConfigFiles.Load(dir, "tags: ${HOSTS}\n", Env);

        Assert.Equal(["a:9200", "b:9200"], loaded.Options.Tags);
    }

    [Fact]
    public void A_block_cannot_be_part_of_a_longer_text()
    {
        using var dir = new TempDirectory();

        var error = ConfigFiles.LoadFails(dir, "setup:\n  a:\n    b: 1\nname: x-${setup.a}\n");

        Assert.Equal("name", error.KeyPath);
        Assert.Contains("a map", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_cycles_are_reported_with_the_chain()
    {
        using var dir = new TempDirectory();

        var error = ConfigFiles.LoadFails(dir, "setup:\n  a: ${setup.b}\n  b: x${setup.c}\n  c: ${setup.a}\n");

        Assert.Contains("reference cycle: setup.a -> setup.b -> setup.c -> setup.a", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Location?.Line);
    }

    [Fact]
    public void A_block_referring_to_itself_is_a_cycle()
    {
        using var dir = new TempDirectory();

        var error = ConfigFiles.LoadFails(dir, "setup:\n  a:\n    b: ${setup.a}\n");

        Assert.Contains("reference cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_variables_work_without_being_written()
    {
        using var dir = new TempDirectory();

        var loaded = ConfigFiles.Load(dir, "logging.files.path: ${path.logs}/shipper\nname: ${path.config}\n");

        Assert.Equal(Path.Combine(dir.File("home"), "logs") + "/shipper", loaded.Options.Logging.Files.Path);
        Assert.Equal(dir.Path, loaded.Options.Name);
    }

    [Fact]
    public void Path_settings_may_use_variables_and_each_other()
    {
        using var dir = new TempDirectory();

        var loaded = ConfigFiles.Load(dir, "path.home: ${ROOT:/opt/s}\npath.data: ${path.home}/state\n");

        Assert.Equal("/opt/s", loaded.Paths.Home);
        Assert.Equal("/opt/s/state", loaded.Paths.Data);
        Assert.Equal("/opt/s/logs", loaded.Paths.Logs);
    }

    [Fact]
    public void Path_settings_referring_to_each_other_in_a_circle_are_a_cycle()
    {
        using var dir = new TempDirectory();

        var error = ConfigFiles.LoadFails(dir, "path.home: ${path.data}\npath.data: ${path.home}/d\n");

        Assert.Contains("reference cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_reference_is_an_error()
    {
        using var dir = new TempDirectory();

        var error = ConfigFiles.LoadFails(dir, "name: a ${HOST\n");

        Assert.Equal("name", error.KeyPath);
        Assert.Contains("no closing '}'", error.Message, StringComparison.Ordinal);
    }
}
