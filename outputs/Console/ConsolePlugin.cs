using Microsoft.Extensions.DependencyInjection;
using Shipper.Plugins;

namespace Shipper.Outputs.Console;

/// <summary>Registers <c>output.console</c>.</summary>
public sealed class ConsolePlugin : IShipperPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services) => services.AddSingleton<IOutputFactory, ConsoleOutputFactory>();
}
