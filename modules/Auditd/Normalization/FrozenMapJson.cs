using System.Buffers;
using System.Text.Json;
using Shipper.Events;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// The compact JSON of the frozen maps that documents share (<c>service</c>; the <c>user</c> map of events with the
/// same users), written once per map instead of once per document. Keyed by the map instance: a frozen map never
/// changes. A map is kept on its second sighting, so a map used once (users that change with every event) costs no
/// more than writing it. Holds the last dozen. Not thread-safe.
/// </summary>
internal sealed class FrozenMapJson
{
    private const int Entries = 12;
    private const int SeenOnce = 8;

    private readonly FieldMap?[] _maps = new FieldMap?[Entries];
    private readonly byte[][] _json = new byte[Entries][];
    private readonly FieldMap?[] _seenOnce = new FieldMap?[SeenOnce];
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private int _next;
    private int _nextSeenOnce;

    /// <summary>True when a writer's output is what this cache's writer makes (compact, the same escaping).</summary>
    public static bool Matches(Utf8JsonWriter json) => !json.Options.Indented && ReferenceEquals(json.Options.Encoder, FieldValueWriter.CompactOptions.Encoder);

    /// <summary>
    /// The JSON object <paramref name="map"/> is written as: kept for a frozen map seen before, otherwise written now
    /// into a buffer that the next call reuses.
    /// </summary>
    public ReadOnlySpan<byte> JsonOf(FieldMap map)
    {
        var kept = map.IsReadOnly ? Of(map) : default;
        if (!kept.IsEmpty)
        {
            return kept;
        }

        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, FieldValueWriter.CompactOptions))
        {
            FieldValueWriter.WriteMap(writer, map);
        }

        return _buffer.WrittenSpan;
    }

    /// <summary>
    /// The JSON object <paramref name="map"/> (frozen) is written as, or an empty span the first time the map is
    /// seen (the caller writes it itself).
    /// </summary>
    private ReadOnlySpan<byte> Of(FieldMap map)
    {
        for (var i = 0; i < Entries; i++)
        {
            if (ReferenceEquals(_maps[i], map))
            {
                return _json[i];
            }
        }

        var seen = Array.IndexOf(_seenOnce, map);
        if (seen < 0)
        {
            _seenOnce[_nextSeenOnce] = map;
            _nextSeenOnce = (_nextSeenOnce + 1) % SeenOnce;
            return default;
        }

        _seenOnce[seen] = null;
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, FieldValueWriter.CompactOptions))
        {
            FieldValueWriter.WriteMap(writer, map);
        }

        var slot = _next;
        _next = (_next + 1) % Entries;
        _maps[slot] = map;
        _json[slot] = _buffer.WrittenSpan.ToArray();
        return _json[slot];
    }
}
