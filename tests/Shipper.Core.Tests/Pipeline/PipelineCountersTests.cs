using Shipper.Core.Pipeline;
using Shipper.Events;
using Shipper.Outputs;
using Shipper.Processors;
using Shipper.Testing;

namespace Shipper.Core.Tests.Pipeline;

public class PipelineCountersTests
{
    [Fact]
    public async Task Counters_after_a_scenario_add_up_to_what_happened_to_each_event()
    {
        var output = new ScriptedOutput
        {
            OutcomeFor = (e, sentBefore) => (TestEvents.SequenceOf(e), sentBefore) switch
            {
                (1, _) => EventOutcome.Dropped,
                (2, _) => EventOutcome.Duplicate,
                (3, 0) => EventOutcome.TooMany,
                (4, 0) => EventOutcome.Retry,
                _ => EventOutcome.Acknowledged,
            },
        };
        var settings = TestPipeline.Settings(capacity: 32, minEvents: 9, flushTimeout: TimeSpan.FromHours(1));
        await using var pipeline = TestPipeline.Create(output, out var metrics, settings);
        var client = pipeline.Connect(new ClientSettings { Processors = [new DropSequence(0)] });
        for (var i = 0; i < 10; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        pipeline.Start();
        await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        var expected = new Dictionary<string, long>
        {
            ["libbeat.pipeline.clients"] = 1,
            ["libbeat.pipeline.events.total"] = 10,
            ["libbeat.pipeline.events.filtered"] = 1,
            ["libbeat.pipeline.events.published"] = 9,
            ["libbeat.pipeline.events.failed"] = 0,
            ["libbeat.pipeline.events.dropped"] = 0,
            ["libbeat.pipeline.events.retry"] = 2,
            ["libbeat.pipeline.events.active"] = 0,
            ["libbeat.pipeline.queue.acked"] = 9,
            ["libbeat.pipeline.queue.max_events"] = 32,
            ["libbeat.output.events.total"] = 11,
            ["libbeat.output.events.batches"] = 2,
            ["libbeat.output.events.acked"] = 7,
            ["libbeat.output.events.duplicates"] = 1,
            ["libbeat.output.events.dropped"] = 1,
            ["libbeat.output.events.toomany"] = 1,
            ["libbeat.output.events.failed"] = 1,
            ["libbeat.output.events.active"] = 0,
            ["libbeat.processors.errors"] = 0,
        };
        var actual = metrics.Snapshot().Where(p => expected.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }

    private sealed class DropSequence(int sequence) : IProcessor
    {
        public string Name => $"drop_seq={sequence}";

        public Event? Process(Event @event) => TestEvents.SequenceOf(@event) == sequence ? null : @event;
    }
}
