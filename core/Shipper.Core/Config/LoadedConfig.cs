using Shipper.Config;
using Shipper.Core.Options;

namespace Shipper.Core.Config;

/// <summary>The effective configuration: merged files, <c>-E</c> overrides and variables applied, bound and checked.</summary>
public sealed class LoadedConfig
{
    private readonly ConfigNode _tree;

    internal LoadedConfig(ConfigNode tree, IConfigSection root, ShipperOptions options, ShipperPaths paths, IReadOnlyList<string> files)
    {
        _tree = tree;
        Root = root;
        Options = options;
        Paths = paths;
        Files = files;
    }

    /// <summary>The whole tree, for plugins to bind their own blocks.</summary>
    public IConfigSection Root { get; }

    /// <summary>The tree bound strictly into <see cref="ShipperOptions"/>.</summary>
    public ShipperOptions Options { get; }

    /// <summary>The resolved, absolute <c>path.*</c> folders.</summary>
    public ShipperPaths Paths { get; }

    /// <summary>The files read, absolute, in merge order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The effective tree as YAML; secret values (see <see cref="SecretMask"/>) show as <c>"[REDACTED]"</c> unless <paramref name="maskSecrets"/> is false.</summary>
    public string ToYaml(bool maskSecrets = true) => YamlExporter.Write(_tree, maskSecrets);
}
