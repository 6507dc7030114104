using System.Text;
using System.Text.Json;
using Shipper.Events;
using Shipper.Modules.Auditd.Interpretation;
using Shipper.Modules.Auditd.Normalization;

namespace Shipper.Modules.Auditd.Tests.Normalization;

/// <summary>The direct JSON path writes strings itself: byte for byte what a Utf8JsonWriter with the compact options writes.</summary>
public class CompactJsonBufferTests
{
    public static TheoryData<string> Strings()
    {
        var data = new TheoryData<string>
        {
            string.Empty,
            "/usr/bin/grep",
            "say \"hi\"",
            @"C:\path\to",
            "tab\there\nnew line\r\u0001\u001f",
            "del\u007f",
            "<script>&'+`",
            "caf\u00e9 \u4e2d\u6587 \U0001F600",
            "line\u2028separator\u2029",
            "replacement \ufffd",
            "\u0085 next line, \u00a0 no-break space, \u00ad soft hyphen",
        };
        for (var c = 0; c < 128; c++)
        {
            data.Add($"x{(char)c}y");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void A_string_is_written_as_the_compact_json_writer_writes_it(string value)
    {
        var buffer = new CompactJsonBuffer();
        buffer.StartArray();
        buffer.String(value);
        buffer.EndArray();

        var expected = WithJsonWriter(w =>
        {
            w.WriteStartArray();
            w.WriteStringValue(value);
            w.WriteEndArray();
        });
        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Objects_arrays_names_numbers_and_raw_values_get_their_commas_and_colons()
    {
        var buffer = new CompactJsonBuffer();
        buffer.StartObject();
        buffer.Name(FieldKey.Of("a"));
        buffer.Number(int.MinValue);
        buffer.Name(FieldKey.Of("b \"quoted\""));
        buffer.StartArray();
        buffer.String("x");
        buffer.StartObject();
        buffer.EndObject();
        buffer.Number(uint.MaxValue);
        buffer.EndArray();
        buffer.Name(FieldKey.Of("c"));
        buffer.Raw("{\"k\":1}"u8);
        buffer.Name(FieldKey.Of("d"));
        buffer.Timestamp(new DateTimeOffset(2024, 2, 29, 23, 59, 59, 999, TimeSpan.FromHours(2)).AddTicks(9999));
        buffer.EndObject();

        var expected = WithJsonWriter(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("a", int.MinValue);
            w.WriteStartArray("b \"quoted\"");
            w.WriteStringValue("x");
            w.WriteStartObject();
            w.WriteEndObject();
            w.WriteNumberValue(uint.MaxValue);
            w.WriteEndArray();
            w.WritePropertyName("c");
            w.WriteRawValue("{\"k\":1}"u8);
            w.WritePropertyName("d");
            FieldValueWriter.WriteTimestamp(w, new DateTimeOffset(2024, 2, 29, 23, 59, 59, 999, TimeSpan.FromHours(2)).AddTicks(9999));
            w.WriteEndObject();
        });
        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal("""{"a":-2147483648,"b \"quoted\"":["x",{},4294967295],"c":{"k":1},"d":"2024-02-29T21:59:59.999Z"}""", expected);
    }

    [Fact]
    public void A_reset_buffer_starts_a_new_document()
    {
        var buffer = new CompactJsonBuffer();
        buffer.StartObject();
        buffer.Name(FieldKey.Of("a"));
        buffer.String(new string('v', 10_000));
        buffer.EndObject();
        buffer.Reset();
        buffer.StartArray();
        buffer.EndArray();

        Assert.Equal("[]", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static string WithJsonWriter(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, FieldValueWriter.CompactOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
