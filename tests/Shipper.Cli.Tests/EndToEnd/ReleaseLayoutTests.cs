using System.Text.Json;
using Shipper.Cli.Tests.Support;

namespace Shipper.Cli.Tests.EndToEnd;

/// <summary>The release layout that ./build.sh makes, run as a user runs it.</summary>
public sealed class ReleaseLayoutTests
{
    private static string Executable => Path.Combine(BuildOutputs.Dist, "bin", "shipper");

    [Fact]
    public async Task The_launcher_prints_the_version()
    {
        var (code, stdout, _) = await ShipperProcess.RunAsync(Path.Combine(BuildOutputs.Dist, "shipper"), "version");

        Assert.Equal(0, code);
        Assert.StartsWith("shipper version ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_config_passes_test_config()
    {
        var (code, stdout, stderr) = await ShipperProcess.RunAsync(Path.Combine(BuildOutputs.Dist, "shipper"), "test", "config");

        Assert.True(code == 0, stderr);
        Assert.Equal("Config OK", stdout.Trim());
    }

    [Fact]
    public void The_release_layout_has_a_folder_per_plugin_and_both_configs()
    {
        var dist = BuildOutputs.Dist;

        Assert.True(File.Exists(Path.Combine(dist, "modules", "auditd", "Shipper.Modules.Auditd.dll")));
        Assert.True(File.Exists(Path.Combine(dist, "outputs", "console", "Shipper.Outputs.Console.dll")));
        Assert.True(File.Exists(Path.Combine(dist, "outputs", "file", "Shipper.Outputs.File.dll")));
        Assert.True(File.Exists(Path.Combine(dist, "processors", "standard", "Shipper.Processors.Standard.dll")), "the standard processors plugin is missing from processors/standard");
        Assert.False(File.Exists(Path.Combine(dist, "processors", "standard", "Shipper.Abstractions.dll")), "plugins must use the host's contracts assembly");
        Assert.True(File.Exists(Path.Combine(dist, "config", "shipper.yml")));
        Assert.True(File.Exists(Path.Combine(dist, "config", "shipper.reference.yml")));
        Assert.False(File.Exists(Path.Combine(dist, "modules", "auditd", "Shipper.Abstractions.dll")), "plugins must use the host's contracts assembly");
    }

    [Fact]
    public async Task The_auditd_block_of_the_reference_config_uncommented_passes_test_config()
    {
        // Every option the reference documents, with the value it gives as the default, must be one the module accepts.
        var reference = File.ReadAllLines(Path.Combine(BuildOutputs.RepositoryRoot, "config", "shipper.reference.yml"));
        var start = Array.IndexOf(reference, "#- module: auditd");
        Assert.True(start >= 0, "the reference config has no '#- module: auditd' block");
        var block = reference.Skip(start).TakeWhile(l => l.StartsWith('#') && !l.StartsWith("# ====", StringComparison.Ordinal)).Select(l => l[1..]);
        using var temp = new Shipper.Testing.TempDirectory();
        var config = temp.Write("auditd-reference.yml", "shipper.modules:\n" + string.Join('\n', block) + "\noutput.console: {}\n");
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (code, stdout, stderr) = await ShipperProcess.RunAsync(Path.Combine(BuildOutputs.Dist, "shipper"), "test", "config", "-c", config);

        Assert.True(code == 0, stderr);
        Assert.Contains("Config OK", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_third_party_module_runs_in_the_released_host_and_its_events_reach_stdout()
    {
        using var home = new ShipperHome().WithSampleModule().WithPlugin("outputs", "console", Path.Combine(BuildOutputs.Dist, "outputs", "console"));
        var config = home.Config("""
            name: e2e
            tags: [from-test]
            shipper.modules:
            - module: sample
              count: 5
              message: third-party
            output.console: {}
            """);

        var (code, stdout, stderr) = await ShipperProcess.RunAsync(Executable, "-c", config, "--path.home", home.Path, "-E", "queue.mem.flush.timeout=0");

        Assert.True(code == 0, stderr);
        var events = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal("third-party", e.GetProperty("message").GetString());
            Assert.Equal("e2e", e.GetProperty("agent").GetProperty("name").GetString());
            Assert.Equal("shipper", e.GetProperty("agent").GetProperty("type").GetString());
            Assert.Equal("from-test", e.GetProperty("tags")[0].GetString());
            Assert.True(e.TryGetProperty("@timestamp", out _));
        });
        Assert.Equal([0, 1, 2, 3, 4], events.Select(e => e.GetProperty("sample").GetProperty("sequence").GetInt32()).Order());
    }

    [Fact]
    public async Task Sigterm_stops_the_shipper_after_delivering_what_was_queued()
    {
        using var home = new ShipperHome().WithSampleModule().WithPlugin("outputs", "console", Path.Combine(BuildOutputs.Dist, "outputs", "console"));
        var config = home.Config("""
            shipper.modules:
            - module: sample
              count: 3
              keep_running: true
            output.console: {}
            """);
        using var shipper = ShipperProcess.Start(Executable, "-c", config, "--path.home", home.Path, "-E", "queue.mem.flush.timeout=0");

        await shipper.WaitForLinesAsync(3, TimeSpan.FromSeconds(60));
        shipper.Signal("TERM");
        var code = await shipper.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, code);
        Assert.Equal(3, shipper.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("stopped", shipper.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sigint_stops_the_shipper_even_when_it_was_started_with_sigint_ignored()
    {
        // A shell without job control starts `shipper &` with SIGINT ignored; Ctrl-C / kill -INT must still stop it.
        using var home = new ShipperHome().WithSampleModule().WithPlugin("outputs", "console", Path.Combine(BuildOutputs.Dist, "outputs", "console"));
        var config = home.Config("""
            shipper.modules:
            - module: sample
              count: 1
              keep_running: true
            output.console: {}
            """);
        using var shipper = ShipperProcess.Start(
            "/bin/sh", "-c", "trap '' INT; exec \"$0\" \"$@\"", Executable, "-c", config, "--path.home", home.Path, "-E", "queue.mem.flush.timeout=0");

        await shipper.WaitForLinesAsync(1, TimeSpan.FromSeconds(60));
        shipper.Signal("INT");
        var code = await shipper.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, code);
        Assert.Contains("stopped", shipper.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Logs_go_to_stderr_so_stdout_holds_only_events()
    {
        using var home = new ShipperHome().WithSampleModule().WithPlugin("outputs", "console", Path.Combine(BuildOutputs.Dist, "outputs", "console"));
        var config = home.Config("""
            logging.level: debug
            shipper.modules:
            - module: sample
              count: 2
            output.console: {}
            """);

        var (code, stdout, stderr) = await ShipperProcess.RunAsync(Executable, "-c", config, "--path.home", home.Path, "-E", "queue.mem.flush.timeout=0");

        Assert.True(code == 0, stderr);
        Assert.NotEmpty(stderr);
        Assert.All(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.True(JsonDocument.Parse(line).RootElement.TryGetProperty("@timestamp", out _), line));
    }
}
