namespace Shipper.Modules.Auditd.Normalization;

/// <summary>What one syscall or record type means: one line of <c>Normalizations.txt</c>.</summary>
internal sealed class NormalizationRule
{
    public string[] Syscalls { get; init; } = [];

    public string[] RecordTypes { get; init; } = [];

    public string? Action { get; init; }

    public string[] SubjectPrimary { get; init; } = [];

    public string[] SubjectSecondary { get; init; } = [];

    public string[] ObjectPrimary { get; init; } = [];

    public string[] ObjectSecondary { get; init; } = [];

    public string? ObjectType { get; init; }

    public int ObjectPathIndex { get; init; }

    public string[] How { get; init; } = [];

    public string[] SourceIp { get; init; } = [];

    public string[] HasFields { get; init; } = [];

    public string? EcsKind { get; init; }

    public string[] EcsCategory { get; init; } = [];

    public string[] EcsType { get; init; } = [];

    /// <summary>ECS entity mappings: from (<c>subject.primary</c>, <c>object.primary</c>, <c>uid.uid</c>, <c>data.acct</c>) to (<c>user</c>, <c>user.effective</c>, <c>user.target</c>, <c>user.changes</c>, <c>group</c>).</summary>
    public (string From, string To)[] Mappings { get; init; } = [];
}
