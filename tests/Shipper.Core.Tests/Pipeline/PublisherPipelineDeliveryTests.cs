using Microsoft.Extensions.Time.Testing;
using Shipper.Core.Pipeline;
using Shipper.Events;
using Shipper.Outputs;
using Shipper.Testing;

namespace Shipper.Core.Tests.Pipeline;

public class PublisherPipelineDeliveryTests
{
    [Fact]
    public async Task Every_event_is_delivered_exactly_once_through_a_mix_of_ack_retry_too_many_drop_and_throw()
    {
        var output = new ScriptedOutput
        {
            Workers = 2,
            MaxBatchSize = 7,
            // Every 5th call fails as a whole; events fail by their sequence number for their first tries.
            ThrowOnCall = call => call % 5 == 3,
            OutcomeFor = (e, sentBefore) => (TestEvents.SequenceOf(e) % 6, sentBefore) switch
            {
                (0, _) => EventOutcome.Dropped,
                (1, < 2) => EventOutcome.Retry,
                (2, < 1) => EventOutcome.TooMany,
                (3, < 1) => EventOutcome.Pending,
                (4, _) => EventOutcome.Duplicate,
                _ => EventOutcome.Acknowledged,
            },
        };
        await using var pipeline = TestPipeline.Create(output, out var metrics, TestPipeline.Settings(capacity: 32));
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        for (var i = 0; i < 300; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        var result = await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        var delivered = output.Delivered.Select(TestEvents.SequenceOf).Order().ToList();
        var dropped = output.Dropped.Select(TestEvents.SequenceOf).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 300).Where(i => i % 6 != 0), delivered);
        Assert.Equal(Enumerable.Range(0, 300).Where(i => i % 6 == 0), dropped);
        Assert.Equal(0, result.Abandoned);
        Assert.False(result.TimedOut);
        Assert.Equal(300, metrics.Value("libbeat.pipeline.queue.acked"));
    }

    [Fact]
    public async Task Only_the_failed_events_of_a_batch_are_sent_again()
    {
        var output = new ScriptedOutput
        {
            OutcomeFor = (e, sentBefore) => TestEvents.SequenceOf(e) is 1 or 3 && sentBefore == 0 ? EventOutcome.Retry : EventOutcome.Acknowledged,
        };
        await using var pipeline = TestPipeline.Create(output, out _, TestPipeline.Settings(minEvents: 5, flushTimeout: TimeSpan.FromSeconds(30)));
        var client = pipeline.Connect(new ClientSettings());
        for (var i = 0; i < 5; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        pipeline.Start();
        await Eventually.HoldsAsync(() => output.Delivered.Count == 5, "all five delivered");

        Assert.Equal(2, output.CallCount);
        Assert.Equal([0, 1, 2, 3, 4], output.Calls[0].Select(TestEvents.SequenceOf));
        Assert.Equal([1, 3], output.Calls[1].Select(TestEvents.SequenceOf));
    }

    [Fact]
    public async Task A_throwing_output_gets_every_unsettled_event_again()
    {
        var output = new ScriptedOutput { ThrowOnCall = call => call < 2 };
        await using var pipeline = TestPipeline.Create(output, out var metrics, TestPipeline.Settings(minEvents: 3, flushTimeout: TimeSpan.FromSeconds(30)));
        var client = pipeline.Connect(new ClientSettings());
        for (var i = 0; i < 3; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        pipeline.Start();
        await Eventually.HoldsAsync(() => output.Delivered.Count == 3, "all three delivered");

        Assert.Equal(3, output.CallCount);
        Assert.All(output.Calls, call => Assert.Equal([0, 1, 2], call.Select(TestEvents.SequenceOf)));
        Assert.Equal(6, metrics.Value("libbeat.output.events.failed"));
        Assert.Equal(6, metrics.Value("libbeat.pipeline.events.retry"));
    }

    [Fact]
    public async Task Events_reach_a_single_worker_output_in_publish_order()
    {
        var output = new CollectingOutput { MaxBatchSize = 10 };
        await using var pipeline = TestPipeline.Create(output, out _, TestPipeline.Settings(capacity: 50));
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        for (var i = 0; i < 500; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 500), output.Events.Select(TestEvents.SequenceOf));
        Assert.All(output.BatchSizes, size => Assert.InRange(size, 1, 10));
    }

    [Fact]
    public async Task A_batch_waits_for_flush_min_events_before_going_out()
    {
        var output = new CollectingOutput();
        await using var pipeline = TestPipeline.Create(output, out _, TestPipeline.Settings(minEvents: 4, flushTimeout: TimeSpan.FromHours(1)));
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        for (var i = 0; i < 8; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        await Eventually.HoldsAsync(() => output.Count == 8, "two full batches delivered");
        Assert.Equal([4, 4], output.BatchSizes);
    }

    [Fact]
    public async Task A_partial_batch_goes_out_when_the_flush_timeout_passes()
    {
        var output = new CollectingOutput();
        var settings = TestPipeline.Settings(minEvents: 100, flushTimeout: TimeSpan.FromMilliseconds(50));
        await using var pipeline = TestPipeline.Create(output, out _, settings);
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        client.Publish(TestEvents.Numbered(0), CancellationToken.None);

        await Eventually.HoldsAsync(() => output.Count == 1, "the lone event delivered");
        Assert.Equal([1], output.BatchSizes);
    }

    [Fact]
    public async Task Each_partial_batch_waits_the_whole_flush_timeout_of_the_pipelines_clock()
    {
        var time = new FakeTimeProvider();
        var output = new CollectingOutput();
        var settings = TestPipeline.Settings(minEvents: 100, flushTimeout: TimeSpan.FromSeconds(10));
        await using var pipeline = TestPipeline.Create(output, out _, settings, time: time);
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        for (var batch = 1; batch <= 2; batch++)
        {
            for (var i = 0; i < 3; i++)
            {
                client.Publish(TestEvents.Numbered(i), CancellationToken.None);
            }

            // The timer starts when the consumer has taken the first events, which is soon but not observable:
            // so the test only checks that nothing goes before 10s of the pipeline's clock, then that it goes after.
            await Task.Delay(50);
            for (var step = 0; step < 99; step++)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
            }

            await Task.Delay(100);
            Assert.Equal(3 * (batch - 1), output.Count);
            await Eventually.HoldsAsync(
                () =>
                {
                    time.Advance(TimeSpan.FromMilliseconds(100));
                    return output.Count == 3 * batch;
                },
                $"partial batch {batch} delivered");
            Assert.Equal(Enumerable.Repeat(3, batch), output.BatchSizes);
        }
    }
}
