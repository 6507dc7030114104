using Shipper.Config;

namespace Shipper.Outputs.File;

/// <summary>Creates <c>output.file</c>. Opens nothing until the first batch, so it is safe for <c>shipper test config</c>.</summary>
public sealed class FileOutputFactory : IOutputFactory
{
    /// <inheritdoc />
    public string Type => "file";

    /// <inheritdoc />
    public IOutput Create(OutputContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Config.Bind<FileOutputOptions>();
        var paths = context.Services.GetService(typeof(ShipperPaths)) as ShipperPaths;
        return new FileOutput(options, ResolveFolder(options.Path, paths), context.Metrics, context.Logger);
    }

    /// <summary>The folder to write to: <c>path</c> (relative to <c>path.home</c>), else <c>path.data</c>.</summary>
    internal static string ResolveFolder(string? path, ShipperPaths? paths)
    {
        // Without host paths (a bare test host) the working directory stands in for path.home.
        var home = paths?.Home ?? Environment.CurrentDirectory;
        if (string.IsNullOrEmpty(path))
        {
            return paths?.Data ?? System.IO.Path.Combine(home, "data");
        }

        return System.IO.Path.GetFullPath(path, home);
    }
}
