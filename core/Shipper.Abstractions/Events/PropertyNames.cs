using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Shipper.Events;

/// <summary>
/// Field names already encoded as JSON, so writing a document does not transcode and escape the same few hundred
/// names again for every event. Keyed by the name's string instance (names are mostly literals and interned strings,
/// the same instance in every event): a per-thread direct-mapped table, where a miss just encodes and replaces the slot.
/// </summary>
internal static class PropertyNames
{
    private const int Slots = 1024;

    [ThreadStatic]
    private static Slot[]? _slots;

    public static JsonEncodedText Encoded(string name)
    {
        var slots = _slots ??= new Slot[Slots];
        ref var slot = ref slots[RuntimeHelpers.GetHashCode(name) & (Slots - 1)];
        if (!ReferenceEquals(slot.Name, name))
        {
            slot = new Slot(name, JsonEncodedText.Encode(name, FieldValueWriter.CompactOptions.Encoder));
        }

        return slot.Text;
    }

    private readonly record struct Slot(string? Name, JsonEncodedText Text);
}
