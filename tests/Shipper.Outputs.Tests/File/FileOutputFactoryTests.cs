using Microsoft.Extensions.DependencyInjection;
using Shipper.Config;
using Shipper.Outputs.File;

namespace Shipper.Outputs.Tests.File;

public sealed class FileOutputFactoryTests
{
    private static readonly ShipperPaths Paths = new("/opt/shipper", "/etc/shipper", "/var/lib/shipper", "/var/log/shipper");

    [Fact]
    public void The_plugin_registers_the_file_output_type()
    {
        var services = new ServiceCollection();

        new FileOutputPlugin().ConfigureServices(services);

        using var provider = services.BuildServiceProvider();
        Assert.Contains(provider.GetServices<IOutputFactory>(), f => f.Type == "file");
    }

    [Fact]
    public void Without_a_path_files_go_to_path_data()
    {
        Assert.Equal("/var/lib/shipper", FileOutputFactory.ResolveFolder(null, Paths));
    }

    [Fact]
    public void A_relative_path_resolves_against_path_home()
    {
        Assert.Equal("/opt/shipper/events", FileOutputFactory.ResolveFolder("events", Paths));
    }

    [Fact]
    public void An_absolute_path_is_used_as_written()
    {
        Assert.Equal("/srv/audit", FileOutputFactory.ResolveFolder("/srv/audit", Paths));
    }
}
