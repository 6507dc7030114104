using Microsoft.Extensions.Logging;
using Shipper.Config;

namespace Shipper.Processors;

/// <summary>What a processor is created with.</summary>
/// <param name="Config">The processor's settings block (the value under its name).</param>
/// <param name="Position">0-based position in its list, for error messages.</param>
/// <param name="Logger">A logger named after the processor.</param>
/// <param name="Services">The host's services, including <see cref="IProcessorChainBuilder"/> for nested chains.</param>
public sealed record ProcessorContext(IConfigSection Config, int Position, ILogger Logger, IServiceProvider Services);
