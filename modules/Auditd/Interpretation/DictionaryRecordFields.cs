namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>A record's fields into a dictionary (the first value of a key wins).</summary>
internal readonly struct DictionaryRecordFields(Dictionary<string, string> into) : IRecordFields
{
    public void Add(FieldKey key, string value) => into.TryAdd(key.Text, value);
}
