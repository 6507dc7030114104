using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shipper.Plugins;

namespace Shipper.Core.Plugins;

/// <summary>
/// The assemblies plugins share with the host, so that contract types are the same types on both sides:
/// the contracts assembly and Microsoft's DI and logging abstractions. Everything else a plugin loads is its own.
/// </summary>
public static class SharedAssemblies
{
    /// <summary>One type from each shared assembly, as McMaster.NETCore.Plugins wants them.</summary>
    public static Type[] Types { get; } = [typeof(IShipperPlugin), typeof(IServiceCollection), typeof(ILogger)];

    private static readonly HashSet<string> Names = new(Types.Select(t => t.Assembly.GetName().Name!), StringComparer.OrdinalIgnoreCase);

    /// <summary>True when an assembly of this simple name comes from the host.</summary>
    public static bool IsShared(string assemblyName) => Names.Contains(assemblyName);
}
