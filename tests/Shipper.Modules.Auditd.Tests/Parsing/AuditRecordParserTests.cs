using System.Text;
using Shipper.Modules.Auditd.Parsing;

namespace Shipper.Modules.Auditd.Tests.Parsing;

public class AuditRecordParserTests
{
    [Fact]
    public void A_log_line_gives_type_time_serial_and_body()
    {
        var status = AuditRecordParser.ParseLogLine("type=SYSCALL msg=audit(1611091464.740:263): arch=c000003e syscall=260"u8, out var record);

        Assert.Equal(RecordParseStatus.Ok, status);
        Assert.Equal(1300, record.Type);
        Assert.Equal(1611091464L, record.Timestamp.Seconds);
        Assert.Equal(740_000_000, record.Timestamp.Nanoseconds);
        Assert.Equal(263u, record.Serial);
        Assert.Equal("arch=c000003e syscall=260", Encoding.UTF8.GetString(record.Body));
        Assert.True(record.Node.IsEmpty);
    }

    [Fact]
    public void A_node_prefix_is_kept_apart_from_the_type()
    {
        AuditRecordParser.ParseLogLine("node=web-1 type=CWD msg=audit(1.002:3):  cwd=\"/\""u8, out var record);

        Assert.Equal("web-1", Encoding.UTF8.GetString(record.Node));
        Assert.Equal(RecordTypes.Cwd, record.Type);
        Assert.Equal("cwd=\"/\"", Encoding.UTF8.GetString(record.Body));
    }

    [Fact]
    public void The_enriched_section_after_the_group_separator_is_not_part_of_the_body()
    {
        var line = "type=SYSCALL msg=audit(1.000:7): arch=c000003e syscall=2 auid=1000\u001dARCH=x86_64 SYSCALL=open AUID=\"alice\""u8;

        AuditRecordParser.ParseLogLine(line, out var record);

        Assert.Equal("arch=c000003e syscall=2 auid=1000", Encoding.UTF8.GetString(record.Body));
        Assert.Equal("ARCH=x86_64 SYSCALL=open AUID=\"alice\"", Encoding.UTF8.GetString(record.Enrichment));
    }

    [Fact]
    public void An_unknown_numbered_type_is_read_as_its_number()
    {
        Assert.Equal(RecordParseStatus.Ok, AuditRecordParser.ParseLogLine("type=UNKNOWN[1334] msg=audit(1.5:9): x=1"u8, out var record));

        Assert.Equal(1334, record.Type);
        Assert.Equal(500_000_000, record.Timestamp.Nanoseconds);
    }

    [Theory]
    [InlineData("", RecordParseStatus.Empty)]
    [InlineData("   ", RecordParseStatus.Empty)]
    [InlineData("garbage", RecordParseStatus.MissingType)]
    [InlineData("type=NO_SUCH_TYPE msg=audit(1.0:1): x=1", RecordParseStatus.UnknownType)]
    [InlineData("type=SYSCALL", RecordParseStatus.MissingHeader)]
    [InlineData("type=SYSCALL msg=hello", RecordParseStatus.MissingHeader)]
    [InlineData("type=SYSCALL msg=audit(1.0): x=1", RecordParseStatus.MalformedHeader)]
    [InlineData("type=SYSCALL msg=audit(1:5): x=1", RecordParseStatus.MalformedHeader)]
    [InlineData("type=SYSCALL msg=audit(1.0:99999999999): x=1", RecordParseStatus.MalformedHeader)]
    [InlineData("type=SYSCALL msg=audit(-1.0:5): x=1", RecordParseStatus.MalformedHeader)]
    [InlineData("type=UNKNOWN[abc] msg=audit(1.0:5): x=1", RecordParseStatus.UnknownType)]
    public void Malformed_lines_are_reported_not_thrown(string line, RecordParseStatus expected)
    {
        Assert.Equal(expected, AuditRecordParser.ParseLogLine(Encoding.UTF8.GetBytes(line), out _));
    }

    [Fact]
    public void A_netlink_payload_needs_only_the_header()
    {
        Assert.Equal(RecordParseStatus.Ok, AuditRecordParser.ParseNetlink(1320, "audit(1700000000.123:42): "u8, out var record));

        Assert.Equal(42u, record.Serial);
        Assert.Equal(1_700_000_000_123, record.Timestamp.UnixMilliseconds);
        Assert.True(record.Body.IsEmpty);
    }

    [Fact]
    public void The_highest_serial_parses_without_overflow()
    {
        AuditRecordParser.ParseNetlink(1300, "audit(1.000:4294967295): a=1"u8, out var record);

        Assert.Equal(uint.MaxValue, record.Serial);
    }
}
