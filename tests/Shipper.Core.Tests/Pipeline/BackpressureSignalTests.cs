using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Shipper.Core.Pipeline;
using Shipper.Pipeline;
using Shipper.Testing;

namespace Shipper.Core.Tests.Pipeline;

public class BackpressureSignalTests
{
    [Fact]
    public async Task Pressure_turns_on_at_ninety_percent_and_off_only_below_half_with_one_Changed_each()
    {
        var output = new BlockingOutput { MaxBatchSize = 10 };
        await using var pipeline = TestPipeline.Create(output, out _, TestPipeline.Settings(capacity: 100));
        var changes = Record(pipeline.Backpressure);
        var client = pipeline.Connect(new ClientSettings());

        for (var i = 0; i < 89; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        Assert.False(pipeline.Backpressure.Current.UnderPressure);
        client.Publish(TestEvents.Numbered(89), CancellationToken.None);
        Assert.True(pipeline.Backpressure.Current.UnderPressure);

        pipeline.Start();
        foreach (var level in new[] { 80, 70, 60, 50 })
        {
            await ReleaseBatchAsync(output, pipeline, level);
            Assert.True(pipeline.Backpressure.Current.UnderPressure, $"still under pressure at {level}");
        }

        await ReleaseBatchAsync(output, pipeline, 40);
        Assert.False(pipeline.Backpressure.Current.UnderPressure);
        Assert.Equal([true, false], changes.Select(s => s.UnderPressure));
        Assert.Equal(90, changes.First().QueuedEvents);
    }

    [Fact]
    public async Task The_output_counts_as_blocked_once_it_holds_its_oldest_batch_past_the_threshold()
    {
        var time = new FakeTimeProvider();
        var output = new BlockingOutput();
        var settings = TestPipeline.Settings(capacity: 100, blockedThreshold: TimeSpan.FromSeconds(1));
        await using var pipeline = TestPipeline.Create(output, out _, settings, time: time);
        var changes = Record(pipeline.Backpressure);
        var client = pipeline.Connect(new ClientSettings());
        client.Publish(TestEvents.Numbered(0), CancellationToken.None);
        pipeline.Start();
        await Eventually.HoldsAsync(() => output.Calls == 1, "the output holds the batch");

        time.Advance(TimeSpan.FromMilliseconds(990));
        Assert.False(pipeline.Backpressure.Current.OutputBlocked);
        time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.True(pipeline.Backpressure.Current.OutputBlocked);
        Assert.False(pipeline.Backpressure.Current.UnderPressure);

        output.ReleaseAll();
        await Eventually.HoldsAsync(() => !pipeline.Backpressure.Current.OutputBlocked, "unblocked after the acknowledgement");
        Assert.Equal([true, false], changes.Select(s => s.OutputBlocked));
    }

    [Fact]
    public async Task A_blocked_output_with_a_half_full_queue_puts_the_pipeline_under_pressure()
    {
        var time = new FakeTimeProvider();
        var output = new BlockingOutput { MaxBatchSize = 10 };
        var settings = TestPipeline.Settings(capacity: 100, blockedThreshold: TimeSpan.FromSeconds(1));
        await using var pipeline = TestPipeline.Create(output, out _, settings, time: time);
        var client = pipeline.Connect(new ClientSettings());
        for (var i = 0; i < 60; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        pipeline.Start();
        await Eventually.HoldsAsync(() => output.Calls == 1, "the output holds a batch");
        Assert.False(pipeline.Backpressure.Current.UnderPressure);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(pipeline.Backpressure.Current.UnderPressure);

        output.ReleaseAll();
        await Eventually.HoldsAsync(() => pipeline.Backpressure.Current is { UnderPressure: false, QueuedEvents: 0 }, "drained and relieved");
    }

    [Fact]
    public async Task A_failing_output_is_reported_failing_and_blocked_until_a_retry_succeeds()
    {
        var healthy = false;
        var output = new ScriptedOutput { ThrowOnCall = _ => !Volatile.Read(ref healthy) };
        await using var pipeline = TestPipeline.Create(output, out _);
        var changes = Record(pipeline.Backpressure);
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        client.Publish(TestEvents.Numbered(0), CancellationToken.None);
        await Eventually.HoldsAsync(() => output.CallCount >= 3, "a few failed attempts");
        Assert.True(pipeline.Backpressure.Current.OutputFailing);
        Assert.True(pipeline.Backpressure.Current.OutputBlocked);

        Volatile.Write(ref healthy, true);
        await Eventually.HoldsAsync(() => output.Delivered.Count == 1, "delivered once healthy");
        await Eventually.HoldsAsync(() => !pipeline.Backpressure.Current.OutputBlocked, "unblocked");

        Assert.Equal(
            [(false, true), (true, true), (true, false), (false, false)],
            changes.Select(s => (s.OutputBlocked, s.OutputFailing)));
    }

    private static ConcurrentQueue<BackpressureState> Record(IBackpressureSignal signal)
    {
        var changes = new ConcurrentQueue<BackpressureState>();
        signal.Changed += (_, state) => changes.Enqueue(state);
        return changes;
    }

    private static async Task ReleaseBatchAsync(BlockingOutput output, PublisherPipeline pipeline, int expectedLevel)
    {
        output.ReleaseOne();
        await Eventually.HoldsAsync(() => pipeline.Backpressure.Current.QueuedEvents == expectedLevel, $"queue down to {expectedLevel}");
    }
}
