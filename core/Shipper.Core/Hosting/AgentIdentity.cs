using System.Text.Json;
using Shipper.Hosting;

namespace Shipper.Core.Hosting;

/// <summary>
/// Builds <see cref="AgentInfo"/>. The agent id is kept in <c>${path.data}/meta.json</c> so it survives
/// restarts, as Beats keeps its uuid; the ephemeral id is new every start.
/// </summary>
public static class AgentIdentity
{
    /// <summary>The shipper's version, from the assembly's informational version.</summary>
    public static string Version { get; } =
        typeof(AgentIdentity).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>
    /// Creates the agent info. When <paramref name="persist"/> is true a missing id is created and written;
    /// otherwise an existing id is read and a missing one replaced by a fresh id that is not saved.
    /// </summary>
    public static AgentInfo Create(string? name, string dataPath, bool persist)
    {
        var hostname = Environment.MachineName;
        var id = ReadId(dataPath) ?? Guid.NewGuid();
        if (persist)
        {
            WriteId(dataPath, id);
        }

        return new AgentInfo(string.IsNullOrWhiteSpace(name) ? hostname : name, "shipper", Version, id, Guid.NewGuid(), hostname);
    }

    private static Guid? ReadId(string dataPath)
    {
        var file = Path.Combine(dataPath, "meta.json");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            return document.RootElement.TryGetProperty("uuid", out var uuid) && uuid.TryGetGuid(out var id) ? id : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static void WriteId(string dataPath, Guid id)
    {
        if (ReadId(dataPath) == id)
        {
            return;
        }

        Directory.CreateDirectory(dataPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        var file = Path.Combine(dataPath, "meta.json");
        var temporary = file + ".new";
        File.WriteAllText(temporary, $"{{\"uuid\":\"{id}\",\"first_start\":\"{DateTimeOffset.UtcNow:O}\"}}\n");
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, file, overwrite: true);
    }
}
