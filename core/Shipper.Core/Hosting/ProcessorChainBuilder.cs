using Microsoft.Extensions.Logging;
using Shipper.Config;
using Shipper.Core.Plugins;
using Shipper.Processors;

namespace Shipper.Core.Hosting;

/// <summary>
/// Builds processor lists from <c>processors:</c> blocks: each entry is a map with one key, the processor's
/// name, whose value is its settings (<c>- add_fields: {target: x, fields: {...}}</c>). The one exception is
/// Beats' conditional block, whose keys sit side by side (<c>- if: {...}</c>, <c>then: [...]</c>, <c>else: [...]</c>):
/// an entry with an <c>if</c> key goes whole to the <c>if</c> processor. Every error names the processor's
/// position (1-based) and name.
/// </summary>
public sealed class ProcessorChainBuilder(PluginCatalog catalog, ILoggerFactory loggers, IServiceProvider services) : IProcessorChainBuilder
{
    private const string IfKey = "if";

    /// <inheritdoc />
    public IReadOnlyList<IProcessor> Build(IConfigSection list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (list.Value is not null || (list.Items.Count == 0 && list.Keys.Count > 0))
        {
            throw new ConfigException("must be a list of processors, such as '- drop_fields: {fields: [a]}'", list.Path, list.Location);
        }

        var processors = new List<IProcessor>(list.Items.Count);
        for (var position = 0; position < list.Items.Count; position++)
        {
            var entry = list.Items[position];
            var conditional = entry.Keys.Contains(IfKey);
            if (entry.Keys.Count != 1 && !conditional)
            {
                var found = entry.Keys.Count == 0 ? "nothing" : string.Join(", ", entry.Keys);
                throw new ConfigException($"processor #{position + 1} must name exactly one processor, found {found}", entry.Path, entry.Location);
            }

            var name = conditional ? IfKey : entry.Keys[0];
            var settings = conditional ? entry : entry.GetSection(name)!;
            try
            {
                var factory = catalog.Processor(name, settings);
                processors.Add(factory.Create(new ProcessorContext(settings, position, loggers.CreateLogger("processor." + name), services)));
            }
            catch (ConfigException e)
            {
                throw new ConfigException($"processor #{position + 1} ({name}): {e.Reason}", e.KeyPath, e.Location, e);
            }
        }

        return processors;
    }
}
