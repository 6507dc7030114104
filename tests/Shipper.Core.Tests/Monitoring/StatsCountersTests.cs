using System.Text.Json;
using Shipper.Core.Monitoring;
using Shipper.Core.Pipeline;
using Shipper.Core.Tests.Pipeline;
using Shipper.Events;
using Shipper.Monitoring;
using Shipper.Outputs;
using Shipper.Processors;
using Shipper.Testing;

namespace Shipper.Core.Tests.Monitoring;

/// <summary>
/// Runs a real pipeline against a scripted output and reads the counters through <c>/stats</c>, as an operator
/// would, at each step of a scenario whose every event's fate is known.
/// </summary>
public class StatsCountersTests
{
    private const int WriteBytesPerEvent = 100;
    private const int ReadBytesPerCall = 20;

    [Fact]
    public async Task The_counters_in_stats_match_what_happened()
    {
        var registry = new MetricsRegistry();
        var output = new ScenarioOutput(new OutputMetrics(registry));
        var settings = TestPipeline.Settings(capacity: 10, minEvents: 5, flushTimeout: TimeSpan.FromHours(1));
        await using var pipeline = new PublisherPipeline(settings, output, registry, new ListLoggerFactory());
        await using var endpoint = new MonitoringEndpoint("127.0.0.1", 0, TestEvents.Agent, registry, new ListLoggerFactory().CreateLogger("monitoring"));
        await endpoint.StartAsync(CancellationToken.None);
        var client = pipeline.Connect(new ClientSettings { Processors = [new DropSequence(0)] });

        // Before the output runs: seq 0 is filtered, 1..10 fill the queue, 11 and 12 find it full.
        for (var i = 0; i <= 10; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        Assert.False(client.TryPublish(TestEvents.Numbered(11)));
        Assert.False(client.TryPublish(TestEvents.Numbered(12)));
        AssertStats(await MonitoringHttp.StatsAsync(endpoint.Port), new()
        {
            ["libbeat.pipeline.clients"] = 1,
            ["libbeat.pipeline.events.total"] = 13,
            ["libbeat.pipeline.events.filtered"] = 1,
            ["libbeat.pipeline.events.published"] = 10,
            ["libbeat.pipeline.events.dropped"] = 2,
            ["libbeat.pipeline.events.failed"] = 0,
            ["libbeat.pipeline.events.active"] = 10,
            ["libbeat.pipeline.queue.acked"] = 0,
            ["libbeat.pipeline.queue.max_events"] = 10,
            ["libbeat.output.events.total"] = 0,
        });

        // Batch 1 (seq 1..5): the whole call fails, then 1 is dropped, 2 is a duplicate, 3 gets a 429 and 4 a
        // retry, 5 is acknowledged; the third call delivers 3 and 4. Batch 2 (seq 6..10) is held by the output.
        pipeline.Start();
        await output.SecondBatchArrived.WaitAsync(Eventually.DefaultTimeout);
        AssertStats(await MonitoringHttp.StatsAsync(endpoint.Port), new()
        {
            ["libbeat.pipeline.events.active"] = 5,
            ["libbeat.pipeline.queue.acked"] = 5,
            ["libbeat.output.events.active"] = 5,
            ["libbeat.output.events.batches"] = 4,
            ["libbeat.output.events.total"] = 17,
        });

        output.ReleaseSecondBatch();
        await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.False(client.TryPublish(TestEvents.Numbered(13)));

        var expected = new Dictionary<string, long>
        {
            ["libbeat.pipeline.clients"] = 1,
            ["libbeat.pipeline.events.total"] = 14,
            ["libbeat.pipeline.events.filtered"] = 1,
            ["libbeat.pipeline.events.published"] = 10,
            ["libbeat.pipeline.events.failed"] = 1,
            ["libbeat.pipeline.events.dropped"] = 2,
            ["libbeat.pipeline.events.retry"] = 7,
            ["libbeat.pipeline.events.active"] = 0,
            ["libbeat.pipeline.queue.acked"] = 10,
            ["libbeat.pipeline.queue.max_events"] = 10,
            ["libbeat.output.events.total"] = 17,
            ["libbeat.output.events.batches"] = 4,
            ["libbeat.output.events.acked"] = 8,
            ["libbeat.output.events.duplicates"] = 1,
            ["libbeat.output.events.dropped"] = 1,
            ["libbeat.output.events.toomany"] = 1,
            ["libbeat.output.events.failed"] = 6,
            ["libbeat.output.events.active"] = 0,
            ["libbeat.output.write.bytes"] = WriteBytesPerEvent * (5 + 2 + 5),
            ["libbeat.output.write.errors"] = 1,
            ["libbeat.output.read.bytes"] = ReadBytesPerCall * 2,
            ["libbeat.output.read.errors"] = 1,
            ["libbeat.processors.errors"] = 0,
        };
        AssertStats(await MonitoringHttp.StatsAsync(endpoint.Port), expected);
        AssertStats(await MonitoringHttp.StatsAsync(endpoint.Port, pretty: true), expected);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10], output.Delivered.Order());
    }

    private static void AssertStats(JsonElement stats, Dictionary<string, long> expected)
    {
        var actual = expected.Keys.ToDictionary(name => name, name => stats.Value(name));
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }

    private sealed class DropSequence(int sequence) : IProcessor
    {
        public string Name => $"drop_seq={sequence}";

        public Event? Process(Event @event) => TestEvents.SequenceOf(@event) == sequence ? null : @event;
    }

    /// <summary>
    /// Plays the scenario call by call and reports bytes and errors as a network output would:
    /// 100 bytes written per event sent, 20 bytes read per answered call.
    /// </summary>
    private sealed class ScenarioOutput(IOutputMetrics metrics) : IOutput
    {
        private readonly TaskCompletionSource _secondBatchArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _releaseSecondBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<int> _delivered = [];
        private int _call;

        public int Workers => 1;

        public int MaxBatchSize => 0;

        public Task SecondBatchArrived => _secondBatchArrived.Task;

        public IReadOnlyList<int> Delivered
        {
            get
            {
                lock (_delivered)
                {
                    return [.. _delivered];
                }
            }
        }

        public void ReleaseSecondBatch() => _releaseSecondBatch.TrySetResult();

        public async ValueTask SendAsync(OutputBatch batch, CancellationToken cancellationToken)
        {
            var call = _call++;
            if (call == 0)
            {
                metrics.WriteError();
                throw new IOException("connection reset");
            }

            metrics.AddWriteBytes(WriteBytesPerEvent * batch.Count);
            if (call == 3)
            {
                _secondBatchArrived.TrySetResult();
                await _releaseSecondBatch.Task.WaitAsync(cancellationToken);
            }

            if (call == 1)
            {
                metrics.ReadError();
            }
            else
            {
                metrics.AddReadBytes(ReadBytesPerCall);
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var outcome = (call, TestEvents.SequenceOf(batch[i])) switch
                {
                    (1, 1) => EventOutcome.Dropped,
                    (1, 2) => EventOutcome.Duplicate,
                    (1, 3) => EventOutcome.TooMany,
                    (1, 4) => EventOutcome.Retry,
                    _ => EventOutcome.Acknowledged,
                };
                Settle(batch, i, outcome);
            }
        }

        public ValueTask<bool> TestAsync(TextWriter report, CancellationToken cancellationToken) => ValueTask.FromResult(true);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private void Settle(OutputBatch batch, int index, EventOutcome outcome)
        {
            switch (outcome)
            {
                case EventOutcome.Dropped: batch.Drop(index, "mapping error"); return;
                case EventOutcome.TooMany: batch.TooMany(index, "429"); return;
                case EventOutcome.Retry: batch.Retry(index, "503"); return;
                case EventOutcome.Duplicate: batch.Duplicate(index); break;
                default: batch.Acknowledge(index); break;
            }

            lock (_delivered)
            {
                _delivered.Add(TestEvents.SequenceOf(batch[index]));
            }
        }
    }
}
