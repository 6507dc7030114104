namespace Shipper.Outputs;

/// <summary>
/// Creates an output from its <c>output.&lt;type&gt;</c> block. Register implementations as
/// <c>services.AddSingleton&lt;IOutputFactory, MyFactory&gt;()</c> in a plugin's
/// <see cref="Plugins.IShipperPlugin.ConfigureServices"/>; constructor parameters are resolved from DI.
/// </summary>
public interface IOutputFactory
{
    /// <summary>The type name used in configuration (<c>output.console</c> → <c>console</c>).</summary>
    string Type { get; }

    /// <summary>
    /// Binds and validates the block (throwing <see cref="Config.ConfigException"/> when invalid) and creates
    /// the output. Must not connect anywhere: configuration is also checked by <c>shipper test config</c>.
    /// </summary>
    IOutput Create(OutputContext context);
}
