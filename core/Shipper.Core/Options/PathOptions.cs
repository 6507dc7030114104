namespace Shipper.Core.Options;

/// <summary><c>path.*</c>; each may also be given as <c>--path.home</c> and so on. Relative paths resolve against the working directory.</summary>
public sealed class PathOptions
{
    /// <summary><c>path.home</c>: the installation folder. Default: the folder holding <c>bin/</c> and <c>modules/</c>.</summary>
    public string? Home { get; set; }

    /// <summary><c>path.config</c>. Default <c>${path.home}/config</c>, or the folder of the first <c>-c</c> file.</summary>
    public string? Config { get; set; }

    /// <summary><c>path.data</c>. Default <c>${path.home}/data</c>.</summary>
    public string? Data { get; set; }

    /// <summary><c>path.logs</c>. Default <c>${path.home}/logs</c>.</summary>
    public string? Logs { get; set; }
}
