using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Shipper.Events;

/// <summary>
/// Field names already encoded as JSON, so writing a document does not transcode and escape the same few hundred
/// names again for every event. Keyed by the name's string instance (names are mostly literals and interned strings,
/// the same instance in every event): a per-thread table of two-way sets, where a miss encodes the name and replaces
/// the set's older entry. (A direct-mapped table of 1,024 slots had dozens of names evicting each other in every
/// document, each eviction a new encoding.)
/// </summary>
internal static class PropertyNames
{
    private const int Sets = 2048;

    [ThreadStatic]
    private static Slot[]? _slots;

    public static JsonEncodedText Encoded(string name)
    {
        var slots = _slots ??= new Slot[Sets * 2];
        var first = (RuntimeHelpers.GetHashCode(name) & (Sets - 1)) * 2;
        ref var newer = ref slots[first];
        if (ReferenceEquals(newer.Name, name))
        {
            return newer.Text;
        }

        ref var older = ref slots[first + 1];
        if (ReferenceEquals(older.Name, name))
        {
            (newer, older) = (older, newer);
            return newer.Text;
        }

        older = newer;
        newer = new Slot(name, JsonEncodedText.Encode(name, FieldValueWriter.CompactOptions.Encoder));
        return newer.Text;
    }

    private readonly record struct Slot(string? Name, JsonEncodedText Text);
}
