using System.Text.Json;
using Shipper.Events;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>
/// A field name as the engine carries it from record to document: its text, and the same text already encoded as a
/// JSON property name, so writing a document copies the name's bytes instead of looking its encoding up by string.
/// Names read from records come from <see cref="KeyInterner"/>, one instance per name while the name stays in its
/// table; the engine's own names are static instances. Two instances may hold the same name, so names are compared
/// by <see cref="Text"/>.
/// </summary>
internal sealed class FieldKey
{
    public FieldKey(string text)
    {
        Text = text;
        Json = JsonEncodedText.Encode(text, FieldValueWriter.CompactOptions.Encoder);
        Bit = 1UL << (text.GetHashCode(StringComparison.Ordinal) & 63);
        Role = FieldRoles.RoleOf(text);
        Traits = FieldRoles.TraitsOf(text);
    }

    public string Text { get; }

    /// <summary>The name as a JSON property name, escaped as the document writers escape names.</summary>
    public JsonEncodedText Json { get; }

    /// <summary>One of 64 bits, chosen by the name's hash: a <see cref="FieldList"/> whose names lack the bit lacks the name.</summary>
    public ulong Bit { get; }

    /// <summary>What the interpreter does with a field of this name.</summary>
    public FieldRole Role { get; }

    public FieldTraits Traits { get; }

    public override string ToString() => Text;
}
