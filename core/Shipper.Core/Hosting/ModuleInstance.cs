using Shipper.Modules;
using Shipper.Processors;

namespace Shipper.Core.Hosting;

/// <summary>A created module with the host-side settings of its block.</summary>
/// <param name="Common">The block's <c>module</c>, <c>processors</c>, <c>fields</c>, <c>tags</c>, <c>index</c>.</param>
/// <param name="Module">The module itself.</param>
/// <param name="Processors">Its own processors, run before the global ones.</param>
public sealed record ModuleInstance(ModuleCommonOptions Common, IModule Module, IReadOnlyList<IProcessor> Processors);
