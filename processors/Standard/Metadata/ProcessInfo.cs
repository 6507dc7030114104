namespace Shipper.Processors.Standard.Metadata;

/// <summary>What <c>/proc</c> says about one process. Immutable; shared by every event of the process through the cache.</summary>
internal sealed record ProcessInfo(
    int Pid,
    string? Name,
    string? Executable,
    IReadOnlyList<string>? Args,
    int? ParentPid,
    DateTimeOffset? StartTime,
    int? OwnerId,
    string? OwnerName,
    string? ContainerId)
{
    /// <summary>The fields <c>add_process_metadata</c> can write, relative to its target.</summary>
    public static readonly string[] Fields =
    [
        "process.pid", "process.name", "process.executable", "process.args", "process.title", "process.parent.pid",
        "process.start_time", "process.owner.id", "process.owner.name", "container.id",
    ];

    /// <summary>The value of one of <see cref="Fields"/>, or null when unknown. Lists come back as fresh copies.</summary>
    public object? Get(string field) => field switch
    {
        "process.pid" => Pid,
        "process.name" => Name,
        "process.executable" => Executable,
        "process.args" => Args is { Count: > 0 } ? new List<string>(Args) : null,
        "process.title" => Args is { Count: > 0 } ? string.Join(' ', Args) : null,
        "process.parent.pid" => ParentPid,
        "process.start_time" => StartTime,
        "process.owner.id" => OwnerId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "process.owner.name" => OwnerName,
        "container.id" => ContainerId,
        _ => null,
    };
}
