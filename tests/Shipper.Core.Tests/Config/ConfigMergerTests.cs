using Shipper.Core.Config;
using Shipper.Testing;

namespace Shipper.Core.Tests.Config;

public class ConfigMergerTests
{
    [Fact]
    public void Later_files_merge_maps_deeply_and_replace_scalars_and_lists()
    {
        using var dir = new TempDirectory();
        var first = dir.Write("a.yml", "name: first\ntags: [a, b]\nqueue.mem:\n  events: 4096\n  flush.timeout: 1s\nlogging.level: debug\n");
        var second = dir.Write("b.yml", "name: second\ntags: [c]\nqueue.mem.events: 8192\n");

        var loaded = ConfigLoader.Load(new ConfigLoadRequest { Files = [first, second], DefaultHome = dir.Path });

        Assert.Equal("second", loaded.Options.Name);
        Assert.Equal(["c"], loaded.Options.Tags);
        Assert.Equal(8192, loaded.Options.Queue.Mem.Events);
        Assert.Equal(TimeSpan.FromSeconds(1), loaded.Options.Queue.Mem.Flush.Timeout);
        Assert.Equal(Shipper.Core.Options.LogLevelOption.Debug, loaded.Options.Logging.Level);
        Assert.Equal([first, second], loaded.Files);
    }

    [Fact]
    public void Merged_values_keep_the_location_of_the_file_that_won()
    {
        using var dir = new TempDirectory();
        var first = dir.Write("a.yml", "http.port: 1\n");
        var second = dir.Write("b.yml", "\n\nhttp.port: 70000\n");

        var error = Assert.Throws<Shipper.Config.ConfigException>(() => ConfigLoader.Load(new ConfigLoadRequest { Files = [first, second], DefaultHome = dir.Path }));

        Assert.Equal("http.port", error.KeyPath);
        Assert.Equal(second, error.Location?.Source);
        Assert.Equal(3, error.Location?.Line);
    }

    [Fact]
    public void A_map_replaces_a_scalar_and_the_reverse()
    {
        using var dir = new TempDirectory();
        var first = dir.Write("a.yml", "setup: none\nname:\n  first: x\n");
        var second = dir.Write("b.yml", "setup:\n  kind: x\nname: plain\n");

        var loaded = ConfigLoader.Load(new ConfigLoadRequest { Files = [first, second], DefaultHome = dir.Path });

        Assert.Equal(["kind"], loaded.Root.GetSection("setup")!.Keys);
        Assert.Equal("plain", loaded.Options.Name);
    }
}
