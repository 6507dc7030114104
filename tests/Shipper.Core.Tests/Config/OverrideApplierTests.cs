using Shipper.Config;
using Shipper.Testing;

namespace Shipper.Core.Tests.Config;

public class OverrideApplierTests
{
    private const string Modules = "shipper.modules:\n  - module: auditd\n    rate_limit: 1\n  - module: other\n";

    [Fact]
    public void Dotted_keys_set_nested_values()
    {
        using var dir = new TempDirectory();

        var loaded = ConfigFiles.Load(dir, "output.console.pretty: false\n", "output.console.pretty=true", "queue.mem.events=2048");

        Assert.Equal("true", loaded.Root.GetSection("output.console.pretty")?.Value);
        Assert.Equal(2048, loaded.Options.Queue.Mem.Events);
    }

    [Fact]
    public void A_list_index_reaches_into_a_list_item()
    {
        using var dir = new TempDirectory();

        var root = ConfigFiles.Load(dir, Modules, "shipper.modules.0.rate_limit=5", "shipper.modules.1.backlog_limit=9").Root;

        Assert.Equal("5", root.GetSection("shipper.modules.0.rate_limit")?.Value);
        Assert.Equal("auditd", root.GetSection("shipper.modules.0.module")?.Value);
        Assert.Equal("9", root.GetSection("shipper.modules.1.backlog_limit")?.Value);
    }

    [Fact]
    public void The_index_after_the_last_item_adds_an_item_and_beyond_is_an_error()
    {
        using var dir = new TempDirectory();

        var root = ConfigFiles.Load(dir, Modules, "shipper.modules.2.module=third").Root;
        var error = ConfigFiles.LoadFails(dir, Modules, "shipper.modules.5.module=x");

        Assert.Equal("third", root.GetSection("shipper.modules.2.module")?.Value);
        Assert.Equal("shipper.modules.5", error.KeyPath);
        Assert.Equal("-E flag", error.Location?.ToString());
    }

    [Fact]
    public void Values_are_read_as_yaml_so_maps_and_lists_can_be_given()
    {
        using var dir = new TempDirectory();

        var loaded = ConfigFiles.Load(dir, "output.console.pretty: true\n", "output={file: {path: /tmp/x}}", "tags=[a,b]");

        Assert.Equal("/tmp/x", loaded.Root.GetSection("output.file.path")?.Value);
        Assert.Equal("true", loaded.Root.GetSection("output.console.pretty")?.Value);
        Assert.Equal(["a", "b"], loaded.Options.Tags);
    }

    [Fact]
    public void Overrides_apply_before_variables_are_expanded()
    {
        using var dir = new TempDirectory();

        var loaded = ConfigFiles.Load(dir, "name: a\n", "name=${path.home}/n");

        Assert.Equal(dir.File("home") + "/n", loaded.Options.Name);
    }

    [Fact]
    public void Errors_in_overridden_values_are_located_at_the_flag()
    {
        using var dir = new TempDirectory();

        var error = ConfigFiles.LoadFails(dir, "http.port: 80\n", "http.port=many");

        Assert.Equal("http.port", error.KeyPath);
        Assert.Equal(new ConfigLocation("-E flag", 0, 0), error.Location);
        Assert.StartsWith("-E flag: 'http.port':", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=x")]
    [InlineData("a..b=1")]
    [InlineData("tags=[a, b")]
    public void Malformed_flags_are_errors(string flag)
    {
        using var dir = new TempDirectory();

        var error = ConfigFiles.LoadFails(dir, "name: a\n", flag);

        Assert.Equal("-E flag", error.Location?.Source);
    }
}
