namespace Shipper.Core.Plugins;

/// <summary>One discovered plugin folder and the assembly that holds its entry points.</summary>
/// <param name="Kind">Which plugin folder it was found in.</param>
/// <param name="Name">The folder's name (e.g. <c>auditd</c>).</param>
/// <param name="Directory">The folder's absolute path.</param>
/// <param name="MainAssembly">The assembly to load: the one with a <c>.deps.json</c> beside it, else the only candidate.</param>
public sealed record PluginFolder(PluginKind Kind, string Name, string Directory, string MainAssembly);
