using Microsoft.Extensions.DependencyInjection;

namespace Shipper.Plugins;

/// <summary>
/// The entry point of a plugin assembly. The host finds every public non-abstract class implementing this
/// interface in a plugin's main assembly, creates it with its parameterless constructor and lets it register
/// its factories (<see cref="Modules.IModuleFactory"/>, <see cref="Outputs.IOutputFactory"/>,
/// <see cref="Processors.IProcessorFactory"/>) and commands (<see cref="Commands.ICommandContribution"/>).
/// </summary>
public interface IShipperPlugin
{
    /// <summary>Adds the plugin's services to the host's container. Called once, before anything runs.</summary>
    void ConfigureServices(IServiceCollection services);
}
