using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Events;
using Shipper.Outputs.File;
using Shipper.Testing;

namespace Shipper.Outputs.Tests.File;

/// <summary>A file output over a temporary folder, with helpers to send numbered events and read the files back.</summary>
internal sealed class FileOutputHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Time = new(2026, 11, 25, 10, 30, 15, 123, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    /// <param name="options">Defaults when null.</param>
    /// <param name="folder">The output folder, relative to a fresh temporary folder; nothing is created until the first send.</param>
    public FileOutputHarness(FileOutputOptions? options = null, string folder = "out")
    {
        Options = options ?? new FileOutputOptions();
        Folder = System.IO.Path.Combine(_temp.Path, folder);
        Output = new FileOutput(Options, Folder, Metrics, NullLogger.Instance);
    }

    public FileOutputOptions Options { get; }

    public string Folder { get; }

    public string Root => _temp.Path;

    public CountingOutputMetrics Metrics { get; } = new();

    public FileOutput Output { get; private set; }

    public string BaseFile => System.IO.Path.Combine(Folder, Options.Filename);

    /// <summary>Puts a regular file where a folder on the output's path should be, so creating the folder fails.</summary>
    public string BlockFolderWithFile(string relativePath)
    {
        var path = System.IO.Path.Combine(_temp.Path, relativePath);
        System.IO.File.WriteAllText(path, "x");
        return path;
    }

    public static Event NumberedEvent(int id, string message = "hello")
    {
        var e = new Event(Time);
        e.Fields["id"] = id;
        e.Fields["message"] = message;
        return e;
    }

    public static OutputBatch Batch(int firstId, int count, string message = "hello") =>
        new([.. Enumerable.Range(firstId, count).Select(id => NumberedEvent(id, message))]);

    public async Task<OutputBatch> SendAsync(int firstId, int count, string message = "hello")
    {
        var batch = Batch(firstId, count, message);
        await Output.SendAsync(batch, CancellationToken.None);
        return batch;
    }

    /// <summary>Simulates a restart: a new output over the same folder.</summary>
    public async Task RestartAsync()
    {
        await Output.DisposeAsync();
        Output = new FileOutput(Options, Folder, Metrics, NullLogger.Instance);
    }

    /// <summary>The output's files, newest first: the base file, then <c>.1</c>, <c>.2</c>…</summary>
    public IReadOnlyList<string> Files() =>
        [.. Directory.GetFiles(Folder).OrderBy(f => f == BaseFile ? 0 : int.Parse(f[(BaseFile.Length + 1)..]))];

    /// <summary>Every line of <paramref name="path"/> parsed as JSON; fails on a line that does not parse.</summary>
    public static IReadOnlyList<JsonElement> ReadEvents(string path)
    {
        var text = System.IO.File.ReadAllText(path);
        Assert.True(text.Length == 0 || text.EndsWith('\n'), $"{path} ends inside a line");
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    public static IReadOnlyList<int> ReadIds(string path) => [.. ReadEvents(path).Select(e => e.GetProperty("id").GetInt32())];

    public async ValueTask DisposeAsync()
    {
        await Output.DisposeAsync();
        _temp.Dispose();
    }
}
