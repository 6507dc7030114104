using Microsoft.Extensions.Logging;
using Shipper.Config;

namespace Shipper.Commands;

/// <summary>What a contributed command runs with.</summary>
/// <param name="Arguments">The arguments after the command's words.</param>
/// <param name="Out">Where results go (stdout).</param>
/// <param name="Error">Where problems go (stderr).</param>
/// <param name="ModuleConfig">The first block of the command's module type, without core keys; null when none is configured.</param>
/// <param name="LoggerFactory">For loggers.</param>
/// <param name="Services">The host's services.</param>
/// <param name="OutputConfig">
/// The <c>output.&lt;type&gt;</c> block named by <see cref="ICommandContribution.OutputType"/>, without the keys the host
/// handles (<c>enabled</c>, <c>backoff</c>), whether or not it is enabled; null when absent or not asked for.
/// </param>
public sealed record CommandContext(
    IReadOnlyList<string> Arguments,
    TextWriter Out,
    TextWriter Error,
    IConfigSection? ModuleConfig,
    ILoggerFactory LoggerFactory,
    IServiceProvider Services,
    IConfigSection? OutputConfig = null);
