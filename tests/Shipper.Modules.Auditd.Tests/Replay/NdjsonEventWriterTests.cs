using System.Text;
using Shipper.Events;
using Shipper.Modules.Auditd.Replay;

namespace Shipper.Modules.Auditd.Tests.Replay;

public class NdjsonEventWriterTests
{
    [Fact]
    public void Lines_are_handed_to_the_stream_in_chunks_not_one_write_per_event_and_all_arrive_in_order()
    {
        var stream = new CountingStream();
        using (var lines = new NdjsonEventWriter(stream))
        {
            for (var i = 0; i < 1000; i++)
            {
                lines.Write(Event(i, new string('x', 300)));
            }
        }

        var text = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1000, text.Length);
        Assert.Equal(Enumerable.Range(0, 1000), text.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("n").GetInt32()));
        Assert.InRange(stream.Writes, 2, 20);
    }

    [Fact]
    public void Line_by_line_each_event_reaches_the_stream_as_soon_as_it_is_written()
    {
        var stream = new CountingStream();
        using var lines = new NdjsonEventWriter(stream, lineByLine: true);

        lines.Write(Event(1));

        Assert.Equal("""{"@timestamp":"1970-01-01T00:00:00.000Z","n":1,"message":"event 1"}""" + "\n", Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal(1, stream.Flushes);
    }

    private static Event Event(int n, string? padding = null)
    {
        var e = new Event(DateTimeOffset.UnixEpoch);
        e.Fields["n"] = n;
        e.Fields["message"] = $"event {n}{padding}";
        return e;
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public int Flushes { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            base.Write(buffer);
        }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }
    }
}
