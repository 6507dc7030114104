namespace Shipper.Modules;

/// <summary>
/// Creates a module from one <c>- module: &lt;type&gt;</c> block of <c>shipper.modules</c>. Register
/// implementations as <c>services.AddSingleton&lt;IModuleFactory, MyFactory&gt;()</c> in a plugin's
/// <see cref="Plugins.IShipperPlugin.ConfigureServices"/>; constructor parameters are resolved from DI.
/// </summary>
public interface IModuleFactory
{
    /// <summary>The type name used in configuration (<c>module: auditd</c>).</summary>
    string Type { get; }

    /// <summary>
    /// Binds and validates the block (throwing <see cref="Config.ConfigException"/> when invalid) and creates
    /// the module. Must not touch the system (kernel, network): <c>shipper test config</c> calls it too.
    /// </summary>
    IModule Create(ModuleContext context);
}
