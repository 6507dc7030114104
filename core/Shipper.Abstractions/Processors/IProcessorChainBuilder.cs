namespace Shipper.Processors;

/// <summary>
/// Builds a list of processors from a <c>processors:</c> list block, finding each entry's factory among the
/// loaded plugins. Processors that contain chains (<c>if</c>/<c>then</c>/<c>else</c>) use it too.
/// </summary>
public interface IProcessorChainBuilder
{
    /// <summary>Builds the processors of <paramref name="list"/> in order; throws <see cref="Config.ConfigException"/> for an unknown or invalid entry.</summary>
    IReadOnlyList<IProcessor> Build(Config.IConfigSection list);
}
