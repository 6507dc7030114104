using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>What one syscall or record type means: one line of <c>Normalizations.txt</c>.</summary>
internal sealed class NormalizationRule
{
    public string[] Syscalls { get; init; } = [];

    public string[] RecordTypes { get; init; } = [];

    public string? Action { get; init; }

    public FieldKey[] SubjectPrimary { get; init; } = [];

    public FieldKey[] SubjectSecondary { get; init; } = [];

    public FieldKey[] ObjectPrimary { get; init; } = [];

    public FieldKey[] ObjectSecondary { get; init; } = [];

    public string? ObjectType { get; init; }

    public int ObjectPathIndex { get; init; }

    public FieldKey[] How { get; init; } = [];

    public FieldKey[] SourceIp { get; init; } = [];

    public FieldKey[] HasFields { get; init; } = [];

    public string? EcsKind { get; init; }

    public string[] EcsCategory { get; init; } = [];

    public string[] EcsType { get; init; } = [];

    /// <summary>ECS entity mappings: from (<c>subject.primary</c>, <c>object.primary</c>, <c>uid.uid</c>, <c>data.acct</c>) to (<c>user</c>, <c>user.effective</c>, <c>user.target</c>, <c>user.changes</c>, <c>group</c>).</summary>
    public EcsMapping[] Mappings { get; init; } = [];
}
