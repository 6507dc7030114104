using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Flow;

/// <summary><c>drop_event</c> settings: only <c>when</c> (without it, every event is dropped).</summary>
internal sealed class DropEventOptions : ProcessorOptions;
