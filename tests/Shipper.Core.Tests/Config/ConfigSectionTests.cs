using Shipper.Config;

namespace Shipper.Core.Tests.Config;

public class ConfigSectionTests
{
    private static readonly IConfigSection Root = ConfigFiles.Section("""
        shipper.modules:
          - module: auditd
            rate_limit: 5
            processors: [{drop_event: {}}]
        name: x
        """);

    [Fact]
    public void Sections_know_their_path_keys_and_items()
    {
        var module = Root.GetSection("shipper.modules")!.Items[0];

        Assert.Equal("shipper.modules.0", module.Path);
        Assert.Equal(["module", "rate_limit", "processors"], module.Keys);
        Assert.Equal("auditd", module.GetSection("module")?.Value);
        Assert.Null(module.Value);
        Assert.Empty(module.Items);
        Assert.Null(Root.GetSection("shipper.nothing"));
    }

    [Fact]
    public void Without_hides_keys_so_the_rest_binds_strictly()
    {
        var module = Root.GetSection("shipper.modules.0")!;

        var options = module.Without("module", "processors").Bind<RateOnly>();
        var error = Assert.Throws<ConfigException>(module.Bind<RateOnly>);

        Assert.Equal(5, options.RateLimit);
        Assert.Equal("shipper.modules.0.module", error.KeyPath);
    }

    [Fact]
    public void Error_is_located_at_the_key_or_at_the_block_when_absent()
    {
        var module = Root.GetSection("shipper.modules.0")!;

        var atKey = module.Error("rate_limit", "too fast");
        var atBlock = module.Error("backlog_limit", "is required");

        Assert.Equal("test.yml:3:5: 'shipper.modules.0.rate_limit': too fast", atKey.Message);
        Assert.Equal("shipper.modules.0.backlog_limit", atBlock.KeyPath);
        Assert.Equal(new ConfigLocation("test.yml", 2, 5), atBlock.Location);
    }

    public sealed class RateOnly
    {
        public int RateLimit { get; set; }
    }
}
