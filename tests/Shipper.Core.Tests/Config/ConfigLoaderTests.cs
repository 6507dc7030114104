using Shipper.Config;
using Shipper.Core.Config;
using Shipper.Core.Options;
using Shipper.Testing;

namespace Shipper.Core.Tests.Config;

public class ConfigLoaderTests
{
    private const string Full = """
        shipper:
          modules:
            - module: auditd
              backlog_limit: 8192
          shutdown_timeout: 10s
        output.console:
          pretty: true
        processors:
          - add_host_metadata: ~
        queue.mem:
          events: 4096
          flush.min_events: 512
          flush.timeout: 1s
        logging:
          level: warning
          selectors: ["*"]
          files:
            keepfiles: 3
            rotateeverybytes: 2048
        http: {enabled: true, host: 0.0.0.0, port: 5067}
        setup.template.enabled: false
        name: host-a
        tags: [prod, eu]
        fields: {env: prod, rack: 7}
        fields_under_root: true
        """;

    [Fact]
    public void A_full_config_binds_into_shipper_options()
    {
        using var dir = new TempDirectory();

        var options = ConfigFiles.Load(dir, Full).Options;

        Assert.Equal(TimeSpan.FromSeconds(10), options.Shipper.ShutdownTimeout);
        Assert.Equal("auditd", options.Shipper.Modules!.Items[0].GetSection("module")?.Value);
        Assert.Equal("true", options.Output!.GetSection("console.pretty")?.Value);
        Assert.Single(options.Processors!.Items);
        Assert.Equal(4096, options.Queue.Mem.Events);
        Assert.Equal(512, options.Queue.Mem.Flush.MinEvents);
        Assert.Equal(LogLevelOption.Warning, options.Logging.Level);
        Assert.Equal(["*"], options.Logging.Selectors);
        Assert.Equal(3, options.Logging.Files.KeepFiles);
        Assert.True(options.Http.Enabled);
        Assert.Equal(5067, options.Http.Port);
        Assert.Equal("host-a", options.Name);
        Assert.Equal(["prod", "eu"], options.Tags);
        Assert.Equal(7, options.Fields!["rack"]);
        Assert.True(options.FieldsUnderRoot);
    }

    [Fact]
    public void Unknown_nested_key_in_shipper_options_is_an_error_with_a_suggestion()
    {
        using var dir = new TempDirectory();

        var error = ConfigFiles.LoadFails(dir, "queue:\n  mem:\n    evnts: 10\n");

        Assert.Equal("queue.mem.evnts", error.KeyPath);
        Assert.Equal(new ConfigLocation(dir.File("shipper.yml"), 3, 5), error.Location);
        Assert.Contains("did you mean 'events'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_top_level_key_lists_the_valid_keys()
    {
        using var dir = new TempDirectory();

        var error = ConfigFiles.LoadFails(dir, "outptu.console.pretty: true\n");

        Assert.Contains("did you mean 'output'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("shipper, output, processors, queue, logging, http, path, setup, name, tags, fields, fields_under_root", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_errors_list_the_accepted_levels()
    {
        using var dir = new TempDirectory();

        var error = ConfigFiles.LoadFails(dir, "logging.level: verbose\n");

        Assert.Contains("one of debug, info, warning, error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_validation_errors_are_located()
    {
        using var dir = new TempDirectory();

        var error = ConfigFiles.LoadFails(dir, "queue.mem:\n  events: 8\n");

        Assert.Equal("queue.mem.events", error.KeyPath);
        Assert.Equal(2, error.Location?.Line);
    }

    [Fact]
    public void Paths_come_from_flags_then_settings_then_defaults()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("conf/shipper.yml", "path.data: /var/lib/s\npath.logs: /settings/logs\n");

        var paths = ConfigLoader.Load(new ConfigLoadRequest
        {
            Files = [file],
            DefaultHome = "/opt/shipper",
            PathFlags = new Dictionary<string, string> { ["logs"] = "/flag/logs" },
        }).Paths;

        Assert.Equal(new ShipperPaths("/opt/shipper", dir.File("conf"), "/var/lib/s", "/flag/logs"), paths);
    }

    [Fact]
    public void Without_files_the_shipper_yml_in_path_config_is_read()
    {
        using var dir = new TempDirectory();
        dir.Write("home/config/shipper.yml", "name: from-default\n");

        var loaded = ConfigLoader.Load(new ConfigLoadRequest { DefaultHome = dir.File("home") });

        Assert.Equal("from-default", loaded.Options.Name);
        Assert.Equal(dir.File("home/config"), loaded.Paths.Config);
        Assert.Equal([dir.File("home/config/shipper.yml")], loaded.Files);
    }

    [Fact]
    public void Without_files_and_without_a_default_file_the_error_says_where_it_looked()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(new ConfigLoadRequest
        {
            DefaultHome = dir.Path,
            PathFlags = new Dictionary<string, string> { ["config"] = dir.File("etc") },
        }));

        Assert.Contains(dir.File("etc/shipper.yml"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(new ConfigLoadRequest { Files = [dir.File("nope.yml")] }));

        Assert.Contains("nope.yml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_gives_the_defaults()
    {
        using var dir = new TempDirectory();

        var options = ConfigFiles.Load(dir, "# nothing yet\n").Options;

        Assert.Equal(3200, options.Queue.Mem.Events);
        Assert.Null(options.Output);
    }

    [Fact]
    public void A_top_level_list_is_an_error()
    {
        using var dir = new TempDirectory();

        var error = ConfigFiles.LoadFails(dir, "- a\n- b\n");

        Assert.Equal(1, error.Location?.Line);
    }
}
