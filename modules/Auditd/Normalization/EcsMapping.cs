using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// One <c>ecs.map</c> entry of a normalization rule: where an ECS entity (<see cref="To"/>: <c>user</c>,
/// <c>user.effective</c> …) takes its value from (<see cref="From"/>: <c>subject.primary</c>, <c>uid.auid</c>,
/// <c>data.acct</c> …), with the field named after <c>uid.</c> or <c>data.</c> made a key once, at load.
/// </summary>
/// <param name="From">The source as the table writes it.</param>
/// <param name="Field">The field of a <c>uid.</c> or <c>data.</c> source, else null.</param>
/// <param name="To">The ECS entity.</param>
internal sealed record EcsMapping(string From, FieldKey? Field, string To)
{
    public static EcsMapping Parse(string from, string to) => new(
        from,
        from.StartsWith("uid.", StringComparison.Ordinal) ? FieldKey.Of(from[4..])
            : from.StartsWith("data.", StringComparison.Ordinal) ? FieldKey.Of(from[5..]) : null,
        to);
}
