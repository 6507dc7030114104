using System.Buffers;
using System.Globalization;
using Shipper.Monitoring;

namespace Shipper.Outputs.File;

/// <summary>
/// The file being written plus its rotated predecessors (<c>name</c>, <c>name.1</c> … <c>name.N-1</c>, higher is
/// older). Whole lines are gathered in a buffer of our own and written in large chunks to an unbuffered
/// stream: knowing exactly which bytes reached the file is what lets a failed write be undone
/// (<see cref="Abandon"/>) instead of leaving half a line. Not thread-safe.
/// </summary>
internal sealed class RotatingFile : IDisposable
{
    private const int ChunkBytes = 128 * 1024;

    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    private readonly FileOutputOptions _options;
    private readonly IOutputMetrics _metrics;
    private readonly ArrayBufferWriter<byte> _pending = new(ChunkBytes + 4096);
    private FileStream? _stream;
    private long _written;
    private long _durable;
    private bool _startupDone;

    public RotatingFile(string folder, FileOutputOptions options, IOutputMetrics metrics)
    {
        Folder = folder;
        _options = options;
        _metrics = metrics;
        FilePath = System.IO.Path.Combine(folder, options.Filename);
    }

    public string Folder { get; }

    /// <summary>The file being written (the newest).</summary>
    public string FilePath { get; }

    /// <summary>The current file's size counting bytes not yet written out.</summary>
    private long Size => _written + _pending.WrittenCount;

    /// <summary>Opens the file unless open, rotating first when this is the first open and the options ask for it.</summary>
    public void EnsureOpen()
    {
        if (_stream is not null)
        {
            return;
        }

        if (!Directory.Exists(Folder))
        {
            Directory.CreateDirectory(Folder, FolderMode);
        }

        if (!_startupDone)
        {
            if (_options.RotateOnStartup && new FileInfo(FilePath) is { Exists: true, Length: > 0 })
            {
                ShiftFiles();
            }

            _startupDone = true;
        }

        Open();
    }

    /// <summary>True when <paramref name="length"/> more bytes would push a non-empty file past the rotation size.</summary>
    public bool WouldOverflow(int length) => Size > 0 && Size + length > _options.RotateEveryBytes;

    /// <summary>Adds one whole line; it reaches the file at the latest on <see cref="Commit"/>.</summary>
    public void Append(ReadOnlySpan<byte> line)
    {
        line.CopyTo(_pending.GetSpan(line.Length));
        _pending.Advance(line.Length);
        if (_pending.WrittenCount >= ChunkBytes)
        {
            WritePending();
        }
    }

    /// <summary>Writes out everything appended and syncs it to disk; after this, those lines are safe.</summary>
    public void Commit()
    {
        WritePending();
        Stream.Flush(flushToDisk: true);
        _durable = _written;
    }

    /// <summary>
    /// Starts a new file. Call <see cref="Commit"/> (and acknowledge what it made safe) first, so a failure
    /// here cannot send already-synced lines round again.
    /// </summary>
    public void Rotate()
    {
        if (_pending.WrittenCount > 0)
        {
            throw new InvalidOperationException("commit before rotating");
        }

        Close();
        ShiftFiles();
        Open();
    }

    /// <summary>
    /// After a failed write: drops what was not committed, cuts the file back to its last committed size so no
    /// partial line remains, and closes it so the next batch reopens it.
    /// </summary>
    public void Abandon()
    {
        _pending.ResetWrittenCount();
        if (_stream is { CanSeek: true } stream)
        {
            try
            {
                stream.SetLength(_durable);
            }
            catch (IOException)
            {
                // Best effort: the file may be gone or the disk may refuse even this.
            }
        }

        Close();
    }

    public void Dispose() => Close();

    private FileStream Stream => _stream ?? throw new InvalidOperationException("file is not open");

    private void Open()
    {
        var created = !System.IO.File.Exists(FilePath);
        var stream = new FileStream(FilePath, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 0,
            UnixCreateMode = _options.CreateMode,
        });
        if (created)
        {
            // The create mode passes through the umask; the configured mode is what the user asked for.
            System.IO.File.SetUnixFileMode(stream.SafeFileHandle, _options.CreateMode);
        }

        _stream = stream;
        _written = _durable = stream.CanSeek ? stream.Length : 0;
    }

    private void WritePending()
    {
        if (_pending.WrittenCount == 0)
        {
            return;
        }

        Stream.Write(_pending.WrittenSpan);
        _written += _pending.WrittenCount;
        _metrics.AddWriteBytes(_pending.WrittenCount);
        _pending.ResetWrittenCount();
    }

    private void Close()
    {
        var stream = _stream;
        _stream = null;
        stream?.Dispose();
    }

    private void ShiftFiles()
    {
        DeleteBeyond(_options.NumberOfFiles - 1);
        for (var k = _options.NumberOfFiles - 1; k >= 1; k--)
        {
            var source = k == 1 ? FilePath : Numbered(k - 1);
            if (System.IO.File.Exists(source) || IsSymlink(source))
            {
                System.IO.File.Move(source, Numbered(k), overwrite: true);
            }
        }
    }

    // Files numbered past the limit are left from a larger number_of_files; keep the promise of at most N files.
    private void DeleteBeyond(int lastKept)
    {
        foreach (var path in Directory.EnumerateFiles(Folder, _options.Filename + ".*"))
        {
            // The pattern also matches the bare name (and, being a glob, names we did not make): parse, don't trust.
            var name = System.IO.Path.GetFileName(path.AsSpan());
            var prefixLength = _options.Filename.Length + 1;
            if (name.Length > prefixLength
                && int.TryParse(name[prefixLength..], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
                && k > lastKept)
            {
                System.IO.File.Delete(path);
            }
        }
    }

    private static bool IsSymlink(string path) => new FileInfo(path).LinkTarget is not null;

    private string Numbered(int k) => FilePath + "." + k.ToString(CultureInfo.InvariantCulture);
}
