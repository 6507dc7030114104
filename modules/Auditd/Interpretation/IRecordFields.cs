namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>Where <see cref="RecordInterpreter"/> puts a record's interpreted fields, in record order.</summary>
internal interface IRecordFields
{
    /// <summary>Adds a field; the first value of a key in a record wins, later ones are ignored.</summary>
    void Add(FieldKey key, string value);
}
