using System.Text;
using System.Text.Json;
using Shipper.Events;
using Shipper.Outputs.Console;
using Shipper.Outputs.Tests.File;

namespace Shipper.Outputs.Tests.Console;

public class ConsoleOutputTests
{
    [Fact]
    public async Task A_batch_of_thousands_of_events_is_written_in_order_one_line_each_and_every_event_is_acknowledged()
    {
        var stream = new FailingAfterStream(int.MaxValue);
        var metrics = new CountingOutputMetrics();
        var output = new ConsoleOutput(new ConsoleOutputOptions(), stream, metrics);
        var batch = new OutputBatch(Events(2048));

        await output.SendAsync(batch, CancellationToken.None);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 2048), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("n").GetInt32()));
        Assert.All(Enumerable.Range(0, batch.Count), i => Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(i)));
        Assert.Equal(stream.Length, metrics.WriteBytes);
        Assert.True(stream.Writes > 1, "a batch of about 1 MB went out as one write: the whole batch was buffered");
    }

    [Fact]
    public async Task When_stdout_breaks_midway_the_events_already_written_are_acknowledged_and_only_the_rest_retried()
    {
        var stream = new FailingAfterStream(writesBeforeFailure: 1);
        var metrics = new CountingOutputMetrics();
        var output = new ConsoleOutput(new ConsoleOutputOptions(), stream, metrics);
        var batch = new OutputBatch(Events(2048));

        await output.SendAsync(batch, CancellationToken.None);

        var written = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.InRange(written, 1, 2047);
        Assert.All(Enumerable.Range(0, written), i => Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(i)));
        Assert.All(Enumerable.Range(written, 2048 - written), i => Assert.Equal(EventOutcome.Retry, batch.OutcomeOf(i)));
        Assert.Contains("Broken pipe", batch.ReasonOf(written), StringComparison.Ordinal);
        Assert.Equal(1, metrics.WriteErrors);
    }

    private static List<Event> Events(int count)
    {
        var events = new List<Event>(count);
        for (var i = 0; i < count; i++)
        {
            var e = new Event(DateTimeOffset.UnixEpoch);
            e.Fields["n"] = i;
            e.Fields["message"] = new string('x', 400);
            events.Add(e);
        }

        return events;
    }
}
