namespace Shipper.Outputs.File;

/// <summary>
/// <c>shipper test output</c> for files: proves the folder can be created and written by creating, syncing
/// and deleting a probe file beside the output file, without touching the output file itself.
/// </summary>
internal static class WriteProbe
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    public static bool Run(string folder, string filePath, TextWriter report)
    {
        report.WriteLine($"file: {filePath}");
        var probe = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(filePath)}.probe-{Environment.ProcessId}");
        try
        {
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder, FolderMode);
                report.WriteLine($"  created folder {folder}... OK");
            }

            using (var stream = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }

            System.IO.File.Delete(probe);
            report.WriteLine($"  write to {folder}... OK");
            if (System.IO.File.Exists(filePath))
            {
                // The folder may be writable while the existing file (say, another user's) is not.
                using var existing = new FileStream(filePath, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
                report.WriteLine($"  append to {filePath}... OK");
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            report.WriteLine($"  ERROR {ex.Message}");
            return false;
        }
    }
}
