using System.Text.Json;
using Shipper.Events;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>
/// A field name as the engine carries it from record to document: its text, and the same text already encoded as a
/// JSON property name, so writing a document copies the name's bytes instead of looking its encoding up by string.
/// Names read from records come from <see cref="KeyInterner"/>, one instance per name while the name stays in its
/// table; the engine's own names are static instances. Two instances may hold the same name, so names are compared
/// by <see cref="Text"/>, except the <see cref="WellKnownKeys"/>: a well-known name has one instance only.
/// </summary>
internal sealed class FieldKey
{
    private FieldKey(string text, bool canonical)
    {
        Text = text;
        IsCanonical = canonical;
        Json = JsonEncodedText.Encode(text, FieldValueWriter.CompactOptions.Encoder);
        Bit = 1UL << (text.GetHashCode(StringComparison.Ordinal) & 63);
        Role = FieldRoles.RoleOf(text);
        Traits = FieldRoles.TraitsOf(text);
    }

    public string Text { get; }

    /// <summary>True for a <see cref="WellKnownKeys"/> key: no other instance holds its name.</summary>
    public bool IsCanonical { get; }

    /// <summary>The name as a JSON property name, escaped as the document writers escape names.</summary>
    public JsonEncodedText Json { get; }

    /// <summary>One of 64 bits, chosen by the name's hash: a <see cref="FieldList"/> whose names lack the bit lacks the name.</summary>
    public ulong Bit { get; }

    /// <summary>What the interpreter does with a field of this name.</summary>
    public FieldRole Role { get; }

    public FieldTraits Traits { get; }

    /// <summary>The key for <paramref name="text"/>: the well-known instance when there is one, otherwise a new key.</summary>
    public static FieldKey Of(string text) => WellKnownKeys.Find(text) ?? new FieldKey(text, canonical: false);

    /// <summary>Makes a well-known key; only <see cref="WellKnownKeys"/> calls this.</summary>
    internal static FieldKey Canonical(string text) => new(text, canonical: true);

    public override string ToString() => Text;
}
