using Shipper.Config;

namespace Shipper.Core.Config;

/// <summary>An immutable view of one block of the expanded configuration tree.</summary>
internal sealed class ConfigSection(ConfigNode node, string path, ConfigLocation location) : IConfigSection
{
    internal ConfigNode Node => node;

    public string Path => path;

    public ConfigLocation Location => location;

    public IReadOnlyList<string> Keys => node is MapNode map ? [.. map.Keys] : [];

    public IReadOnlyList<IConfigSection> Items =>
        node is ListNode list ? [.. list.Items.Select((item, i) => new ConfigSection(item, KeyPaths.Join(path, i), item.Location))] : [];

    public string? Value => node is ScalarNode { IsNull: false } scalar ? scalar.Text : null;

    public IConfigSection? GetSection(string key)
    {
        var current = node;
        var currentPath = path;
        var currentLocation = location;
        foreach (var segment in key.Split('.'))
        {
            switch (current)
            {
                case MapNode map when map.TryGet(segment, out var child):
                    currentLocation = map.KeyLocation(segment);
                    current = child;
                    break;
                case ListNode list when KeyPaths.TryIndex(segment, out var i) && i < list.Items.Count:
                    current = list.Items[i];
                    currentLocation = current.Location;
                    break;
                default:
                    return null;
            }

            currentPath = KeyPaths.Join(currentPath, segment);
        }

        return new ConfigSection(current, currentPath, currentLocation);
    }

    public T Bind<T>()
        where T : class, new() => ConfigBinder.Bind<T>(this);

    public IConfigSection Without(params string[] keys) =>
        node is MapNode map ? new ConfigSection(map.Without(keys), path, location) : this;

    public ConfigException Error(string key, string message) =>
        new(message, KeyPaths.Join(path, key), GetSection(key)?.Location ?? location);

    public override string ToString() => path.Length == 0 ? "(root)" : path;
}
