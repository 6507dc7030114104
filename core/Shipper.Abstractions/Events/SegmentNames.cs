namespace Shipper.Events;

/// <summary>
/// The strings for the segments of dotted paths (<c>user.effective.group.id</c> → <c>effective</c>, <c>group</c>,
/// <c>id</c>) when a path creates new keys: the same few names recur in every event, so they are made once per
/// thread (a direct-mapped table; a miss makes the string and replaces the slot). Besides saving the allocation,
/// equal names being one instance makes later lookups and JSON writing cheaper.
/// </summary>
internal static class SegmentNames
{
    private const int Slots = 512;
    private const int MaxLength = 64;

    [ThreadStatic]
    private static string?[]? _slots;

    public static string Get(ReadOnlySpan<char> segment)
    {
        if (segment.Length > MaxLength)
        {
            return segment.ToString();
        }

        var slots = _slots ??= new string?[Slots];
        ref var slot = ref slots[string.GetHashCode(segment) & (Slots - 1)];
        if (slot is null || !segment.SequenceEqual(slot))
        {
            slot = segment.ToString();
        }

        return slot;
    }
}
