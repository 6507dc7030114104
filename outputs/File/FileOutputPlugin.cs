using Microsoft.Extensions.DependencyInjection;
using Shipper.Plugins;

namespace Shipper.Outputs.File;

/// <summary>The <c>outputs/file</c> plugin: registers <see cref="FileOutputFactory"/> (<c>output.file</c>).</summary>
public sealed class FileOutputPlugin : IShipperPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IOutputFactory, FileOutputFactory>();
}
