namespace Shipper.Processors;

/// <summary>
/// Creates a processor from one entry of a <c>processors:</c> list (<c>- add_fields: {...}</c>). Register
/// implementations as <c>services.AddSingleton&lt;IProcessorFactory, MyFactory&gt;()</c>.
/// </summary>
public interface IProcessorFactory
{
    /// <summary>The processor's name in configuration, e.g. <c>add_fields</c>.</summary>
    string Type { get; }

    /// <summary>Binds and validates the entry's settings and creates the processor.</summary>
    IProcessor Create(ProcessorContext context);
}
