namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>A record's fields into a <see cref="FieldList"/> (the first value of a key wins).</summary>
internal readonly struct FieldListRecordFields(FieldList into) : IRecordFields
{
    public void Add(FieldKey key, string value) => into.TryAdd(key, value);
}
