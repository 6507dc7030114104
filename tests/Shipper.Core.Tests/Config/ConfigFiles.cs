using Shipper.Config;
using Shipper.Core.Config;
using Shipper.Testing;

namespace Shipper.Core.Tests.Config;

/// <summary>Small helpers to load YAML text the way the shipper does, with a fake environment.</summary>
internal static class ConfigFiles
{
    public static LoadedConfig Load(TempDirectory dir, string yaml, params string[] overrides) =>
        Load(dir, yaml, new Dictionary<string, string>(), overrides);

    public static LoadedConfig Load(TempDirectory dir, string yaml, Dictionary<string, string> environment, params string[] overrides) =>
        ConfigLoader.Load(new ConfigLoadRequest
        {
            Files = [dir.Write("shipper.yml", yaml)],
            Overrides = overrides,
            DefaultHome = dir.File("home"),
            Environment = name => environment.TryGetValue(name, out var value) ? value : null,
        });

    public static ConfigException LoadFails(TempDirectory dir, string yaml, params string[] overrides) =>
        Assert.Throws<ConfigException>(() => Load(dir, yaml, overrides));

    /// <summary>A section over YAML text as read from a file named <c>test.yml</c>, without variable expansion.</summary>
    public static IConfigSection Section(string yaml) =>
        YamlTreeReader.Read(yaml, "test.yml") is { } node
            ? new ConfigSection(node, string.Empty, node.Location)
            : throw new ArgumentException("empty YAML", nameof(yaml));
}
