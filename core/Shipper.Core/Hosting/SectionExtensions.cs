using Shipper.Config;

namespace Shipper.Core.Hosting;

/// <summary>Helpers to split a block between the host's keys and a plugin's keys.</summary>
public static class SectionExtensions
{
    /// <summary>A view of <paramref name="section"/> holding only <paramref name="keys"/>.</summary>
    public static IConfigSection Only(this IConfigSection section, IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.Without([.. section.Keys.Where(k => !keys.Contains(k))]);
    }
}
