using Shipper.Config;

namespace Shipper.Outputs.File;

/// <summary>
/// <c>output.file.*</c>, with Beats' defaults. Events are appended, one JSON document per line, to
/// <c>&lt;path&gt;/&lt;filename&gt;</c>. Rotation follows Beats' classic scheme: the file being written is
/// always <c>&lt;filename&gt;</c>; on rotation it becomes <c>&lt;filename&gt;.1</c>, the former <c>.1</c> becomes
/// <c>.2</c> and so on, so higher numbers are older and at most <see cref="NumberOfFiles"/> files exist
/// (<c>&lt;filename&gt;</c> and <c>.1</c> … <c>.N-1</c>).
/// </summary>
public sealed class FileOutputOptions : IValidatable
{
    /// <summary>
    /// <c>path</c>: the folder the files are written to; created with mode 0750 when missing. Relative paths
    /// resolve against <c>path.home</c>. Default <c>${path.data}</c>.
    /// </summary>
    public string? Path { get; set; }

    /// <summary><c>filename</c>: the name of the file being written, without a folder. Default <c>shipper</c>.</summary>
    public string Filename { get; set; } = "shipper";

    /// <summary>
    /// <c>rotate_every_kb</c>: the size in KiB a file may reach before the next event goes to a new one.
    /// Default 10240 (10 MiB), at least 1. An event larger than this still goes whole into one file.
    /// </summary>
    [ConfigKey("rotate_every_kb")]
    public int RotateEveryKb { get; set; } = 10240;

    /// <summary><c>number_of_files</c>: how many files to keep, the current one included; 2 to 1024. Default 7.</summary>
    [ConfigKey("number_of_files")]
    public int NumberOfFiles { get; set; } = 7;

    /// <summary><c>permissions</c>: the octal mode new files are created with. Default <c>0600</c>.</summary>
    public string Permissions { get; set; } = "0600";

    /// <summary><c>rotate_on_startup</c>: start a new file at startup when the current one is not empty. Default true.</summary>
    [ConfigKey("rotate_on_startup")]
    public bool RotateOnStartup { get; set; } = true;

    /// <summary><c>codec.*</c>.</summary>
    public FileCodecOptions Codec { get; set; } = new();

    /// <summary>The rotation threshold in bytes.</summary>
    internal long RotateEveryBytes => RotateEveryKb * 1024L;

    /// <summary>The parsed <see cref="Permissions"/>; call only after <see cref="Validate"/> passed.</summary>
    internal UnixFileMode CreateMode => UnixPermissions.TryParse(Permissions, out var mode)
        ? mode
        : throw new InvalidOperationException($"permissions '{Permissions}' was not validated");

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Path is not null && string.IsNullOrWhiteSpace(Path))
        {
            errors.Add("path", "must not be empty; leave it out to write under path.data");
        }

        if (!IsPlainFileName(Filename))
        {
            errors.Add("filename", $"must be a file name without a folder, got '{Filename}'");
        }

        errors.InRange("rotate_every_kb", RotateEveryKb, 1, int.MaxValue);
        errors.InRange("number_of_files", NumberOfFiles, 2, 1024);
        if (!UnixPermissions.TryParse(Permissions, out _))
        {
            errors.Add("permissions", $"must be an octal file mode such as 0600, got '{Permissions}'");
        }
    }

    private static bool IsPlainFileName(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name is not "." and not ".."
        && name.IndexOfAny(['/', '\0']) < 0;
}
