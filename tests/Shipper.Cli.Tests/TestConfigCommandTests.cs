using Shipper.Cli.Tests.Support;

namespace Shipper.Cli.Tests;

public sealed class TestConfigCommandTests
{
    [Fact]
    public async Task A_small_queue_alone_is_valid_because_batches_never_exceed_the_queue()
    {
        using var home = new ShipperHome().WithConsoleOutput();
        var config = home.Config("output.console: {}\n");

        var run = await AppRun.Of(home.Path, "test", "config", "-c", config, "-E", "queue.mem.events=64");

        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public async Task Later_config_files_override_earlier_ones()
    {
        using var home = new ShipperHome().WithConsoleOutput();
        var first = home.Config("output.console: {}\nname: first\n", "a.yml");
        var second = home.Config("name: second\n", "b.yml");

        var run = await AppRun.Of(home.Path, "export", "config", "-c", first, "-c", second);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("name: second", run.Out, StringComparison.Ordinal);
        Assert.Contains("console", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_in_an_output_block_is_reported_with_its_key()
    {
        using var home = new ShipperHome().WithConsoleOutput();
        var config = home.Config("output.console:\n  bulk_max_size: 0\n");

        var run = await AppRun.Of(home.Path, "test", "config", "-c", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("output.console.bulk_max_size", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{config}:2:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backoff_settings_belong_to_the_host_and_are_checked()
    {
        using var home = new ShipperHome().WithConsoleOutput();
        var config = home.Config("output.console:\n  backoff.init: 5s\n  backoff.max: 1s\n");

        var run = await AppRun.Of(home.Path, "test", "config", "-c", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("backoff.max", run.Error, StringComparison.Ordinal);
    }
}
