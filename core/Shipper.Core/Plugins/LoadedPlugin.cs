using Shipper.Plugins;

namespace Shipper.Core.Plugins;

/// <summary>A plugin that was loaded, and the implementation types it registered.</summary>
/// <param name="Folder">Where it came from.</param>
/// <param name="Plugin">Its entry point.</param>
/// <param name="RegisteredTypes">What its <see cref="IShipperPlugin.ConfigureServices"/> added.</param>
public sealed record LoadedPlugin(PluginFolder Folder, IShipperPlugin Plugin, IReadOnlyList<Type> RegisteredTypes);
