using System.Buffers.Text;
using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Parsing;

/// <summary>
/// Reads record headers from audit.log lines (<c>[node=N ]type=NAME msg=audit(SEC.FRAC:SERIAL): body[0x1D enriched]</c>)
/// and from the kernel's netlink messages (a numeric type and <c>audit(SEC.FRAC:SERIAL): body</c>). Works on spans,
/// allocates nothing and never throws: malformed input is reported through the returned status.
/// </summary>
public static class AuditRecordParser
{
    private const byte GroupSeparator = 0x1d;

    /// <summary>Reads one audit.log line (without its newline).</summary>
    public static RecordParseStatus ParseLogLine(ReadOnlySpan<byte> line, out AuditRecordSpan record)
    {
        record = default;
        line = line.TrimEnd("\r\n"u8);
        var start = line.IndexOfAnyExcept((byte)' ', (byte)'\t');
        if (start < 0)
        {
            return RecordParseStatus.Empty;
        }

        line = line[start..];
        ReadOnlySpan<byte> node = default;
        if (line.StartsWith("node="u8))
        {
            var end = line.IndexOf((byte)' ');
            if (end < 0)
            {
                return RecordParseStatus.MissingType;
            }

            node = line[5..end];
            line = line[(end + 1)..].TrimStart((byte)' ');
        }

        if (!line.StartsWith("type="u8))
        {
            return RecordParseStatus.MissingType;
        }

        line = line[5..];
        var nameEnd = line.IndexOf((byte)' ');
        if (nameEnd < 0)
        {
            return RecordParseStatus.MissingHeader;
        }

        if (!RecordTypeNames.TryParse(line[..nameEnd], out var type))
        {
            return RecordParseStatus.UnknownType;
        }

        line = line[(nameEnd + 1)..].TrimStart((byte)' ');
        if (!line.StartsWith("msg="u8))
        {
            return RecordParseStatus.MissingHeader;
        }

        ReadOnlySpan<byte> enrichment = default;
        var separator = line.IndexOf(GroupSeparator);
        if (separator >= 0)
        {
            enrichment = line[(separator + 1)..];
            line = line[..separator];
        }

        var status = ParseHeader(line[4..], out var timestamp, out var serial, out var body);
        if (status == RecordParseStatus.Ok)
        {
            record = new AuditRecordSpan(type, node, timestamp, serial, body, enrichment);
        }

        return status;
    }

    /// <summary>Reads one netlink message's payload (without trailing NULs).</summary>
    public static RecordParseStatus ParseNetlink(ushort type, ReadOnlySpan<byte> payload, out AuditRecordSpan record)
    {
        record = default;
        var status = ParseHeader(payload, out var timestamp, out var serial, out var body);
        if (status == RecordParseStatus.Ok)
        {
            record = new AuditRecordSpan(type, default, timestamp, serial, body, default);
        }

        return status;
    }

    /// <summary>Reads <c>audit(SEC.FRAC:SERIAL):</c> and returns what follows, without leading spaces.</summary>
    public static RecordParseStatus ParseHeader(ReadOnlySpan<byte> text, out AuditTimestamp timestamp, out uint serial, out ReadOnlySpan<byte> body)
    {
        timestamp = default;
        serial = 0;
        body = default;
        if (!text.StartsWith("audit("u8))
        {
            return RecordParseStatus.MissingHeader;
        }

        var rest = text[6..];
        if (!Utf8Parser.TryParse(rest, out long seconds, out var used) || seconds < 0 || used >= rest.Length || rest[used] != (byte)'.')
        {
            return RecordParseStatus.MalformedHeader;
        }

        rest = rest[(used + 1)..];
        var digits = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (digits <= 0 || digits > 9 || rest[digits] != (byte)':')
        {
            return RecordParseStatus.MalformedHeader;
        }

        var nanos = 0;
        for (var i = 0; i < 9; i++)
        {
            nanos = (nanos * 10) + (i < digits ? rest[i] - '0' : 0);
        }

        rest = rest[(digits + 1)..];
        if (!Utf8Parser.TryParse(rest, out serial, out used) || used >= rest.Length || rest[used] != (byte)')')
        {
            return RecordParseStatus.MalformedHeader;
        }

        // The colon is missing in some old daemon records: "audit(1490239800.477:34) config changed, …".
        rest = rest[(used + 1)..];
        timestamp = new AuditTimestamp(seconds, nanos);
        body = (rest.StartsWith(":"u8) ? rest[1..] : rest).TrimStart((byte)' ');
        return RecordParseStatus.Ok;
    }
}
