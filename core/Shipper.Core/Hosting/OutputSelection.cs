using Shipper.Config;

namespace Shipper.Core.Hosting;

/// <summary>Picks the one enabled <c>output.&lt;type&gt;</c> block, as Beats requires.</summary>
public static class OutputSelection
{
    /// <summary>The enabled output's type, its block for the plugin, and the host's options from it.</summary>
    /// <exception cref="ConfigException">No output, or more than one, is enabled.</exception>
    public static (string Type, IConfigSection PluginSection, OutputCommonOptions Common) Select(IConfigSection? outputs, IReadOnlyList<string> available)
    {
        var enabled = new List<(string Type, IConfigSection Section, OutputCommonOptions Common)>();
        foreach (var type in outputs?.Keys ?? [])
        {
            var section = outputs!.GetSection(type)!;
            var common = section.Only(OutputCommonOptions.Keys).Bind<OutputCommonOptions>();
            if (common.Enabled)
            {
                enabled.Add((type, section.Without(OutputCommonOptions.Keys), common));
            }
        }

        var choices = available.Count == 0 ? "none are installed" : string.Join(", ", available.Select(a => "output." + a));
        if (enabled.Count == 0)
        {
            throw new ConfigException($"no output is enabled; configure exactly one of: {choices}", "output", outputs?.Location);
        }

        if (enabled.Count > 1)
        {
            var where = string.Join(" and ", enabled.Select(e => $"output.{e.Type} ({e.Section.Location})"));
            throw new ConfigException($"only one output can be enabled, found {where}; set 'enabled: false' on the others", "output", enabled[1].Section.Location);
        }

        return enabled[0];
    }
}
