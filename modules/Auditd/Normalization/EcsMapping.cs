using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// One <c>ecs.map</c> entry of a normalization rule: where an ECS entity (<see cref="To"/>: <c>user</c>,
/// <c>user.effective</c> …) takes its value from (<c>subject.primary</c>, <c>uid.auid</c>, <c>data.acct</c> …), read
/// once, at load, into <see cref="Source"/> and the field after <c>uid.</c> or <c>data.</c>.
/// </summary>
/// <param name="Source">Where the value comes from.</param>
/// <param name="Field">The field of a <see cref="EcsSource.UserIds"/> or <see cref="EcsSource.Data"/> source, else null.</param>
/// <param name="To">The ECS entity.</param>
internal sealed record EcsMapping(EcsSource Source, FieldKey? Field, string To)
{
    public static EcsMapping Parse(string from, string to) => from switch
    {
        "subject.primary" => new(EcsSource.SubjectPrimary, null, to),
        "subject.secondary" => new(EcsSource.SubjectSecondary, null, to),
        "object.primary" => new(EcsSource.ObjectPrimary, null, to),
        "object.secondary" => new(EcsSource.ObjectSecondary, null, to),
        _ when from.StartsWith("uid.", StringComparison.Ordinal) => new(EcsSource.UserIds, FieldKey.Of(from[4..]), to),
        _ when from.StartsWith("data.", StringComparison.Ordinal) => new(EcsSource.Data, FieldKey.Of(from[5..]), to),
        _ => new(EcsSource.None, null, to),
    };
}

/// <summary>Where an <see cref="EcsMapping"/> takes its value from.</summary>
internal enum EcsSource
{
    /// <summary>A source the table names that is none of these: no value.</summary>
    None,
    SubjectPrimary,
    SubjectSecondary,
    ObjectPrimary,
    ObjectSecondary,

    /// <summary>The main record's user ids (<c>uid.</c>).</summary>
    UserIds,

    /// <summary>The event's data (<c>data.</c>).</summary>
    Data,
}
