namespace Shipper.Core.Config;

/// <summary>What the command line says about configuration: files, overrides, path flags and the permission check.</summary>
public sealed class ConfigLoadRequest
{
    /// <summary>The <c>-c</c> files, in order; relative paths are relative to the working directory. Empty: <c>${path.config}/shipper.yml</c>.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The raw <c>key=value</c> strings of <c>-E</c> flags, applied in order after the files are merged.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary><c>--strict.perms</c>: refuse config files that others could change. Default true.</summary>
    public bool StrictPermissions { get; init; } = true;

    /// <summary>The <c>--path.*</c> flags by name: <c>home</c>, <c>config</c>, <c>data</c>, <c>logs</c>. They win over settings.</summary>
    public IReadOnlyDictionary<string, string> PathFlags { get; init; } = new Dictionary<string, string>();

    /// <summary>The home folder when neither <c>--path.home</c> nor <c>path.home</c> is given; the host computes it from the executable.</summary>
    public string DefaultHome { get; init; } = AppContext.BaseDirectory;

    /// <summary>Reads an environment variable; null when undefined. Replaceable for tests.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
