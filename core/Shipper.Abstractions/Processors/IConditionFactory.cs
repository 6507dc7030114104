namespace Shipper.Processors;

/// <summary>
/// Compiles <c>when</c> blocks. Provided by the processors plugin and resolved from DI by anything that takes
/// conditions (processors, an output's <c>indices</c> rules). Absent when no plugin provides it.
/// </summary>
public interface IConditionFactory
{
    /// <summary>Compiles a condition block; throws <see cref="Config.ConfigException"/> naming the key and line when invalid.</summary>
    ICondition Create(Config.IConfigSection condition);
}
