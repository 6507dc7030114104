using System.Text;

namespace Shipper.Core.Logging;

/// <summary>
/// Writes log lines to <c>&lt;folder&gt;/&lt;name&gt;</c>, rotating to <c>name.1</c> … <c>name.(keep-1)</c> when a file
/// would pass <c>rotateeverybytes</c>, and once at start when the file is not empty (as Beats does).
/// Files are created with the configured mode (default 0600).
/// </summary>
public sealed class RotatingFileLogSink : ILogSink
{
    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly long _rotateBytes;
    private readonly int _keep;
    private readonly UnixFileMode _mode;
    private FileStream _stream;

    /// <summary>Opens (after rotating any existing file) the log file.</summary>
    public RotatingFileLogSink(string folder, string name, long rotateEveryBytes, int keepFiles, UnixFileMode mode)
    {
        Directory.CreateDirectory(folder);
        _path = Path.Combine(folder, name);
        _rotateBytes = rotateEveryBytes;
        _keep = keepFiles;
        _mode = mode;
        if (File.Exists(_path) && new FileInfo(_path).Length > 0)
        {
            Rotate();
        }

        _stream = Open();
    }

    /// <inheritdoc />
    public void WriteLine(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (_gate)
        {
            if (_stream.Length > 0 && _stream.Length + bytes.Length > _rotateBytes)
            {
                _stream.Dispose();
                Rotate();
                _stream = Open();
            }

            _stream.Write(bytes);
            _stream.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _stream.Dispose();
        }
    }

    private FileStream Open()
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = _mode;
        }

        return new FileStream(_path, options);
    }

    private void Rotate()
    {
        File.Delete($"{_path}.{_keep - 1}");
        for (var i = _keep - 2; i >= 1; i--)
        {
            if (File.Exists($"{_path}.{i}"))
            {
                File.Move($"{_path}.{i}", $"{_path}.{i + 1}", overwrite: true);
            }
        }

        if (File.Exists(_path))
        {
            File.Move(_path, $"{_path}.1", overwrite: true);
        }
    }
}
