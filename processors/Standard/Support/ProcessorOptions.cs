using Shipper.Config;

namespace Shipper.Processors.Standard.Support;

/// <summary>What every processor's settings may hold besides its own: a <c>when</c> condition.</summary>
public abstract class ProcessorOptions
{
    /// <summary><c>when</c>: run the processor only for events that match; absent means every event.</summary>
    public IConfigSection? When { get; set; }
}
