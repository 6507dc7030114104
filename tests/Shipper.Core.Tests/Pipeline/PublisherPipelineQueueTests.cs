using Shipper.Core.Pipeline;
using Shipper.Pipeline;
using Shipper.Testing;

namespace Shipper.Core.Tests.Pipeline;

public class PublisherPipelineQueueTests
{
    [Fact]
    public async Task Publish_waits_while_the_queue_is_full_and_resumes_when_the_output_acknowledges()
    {
        var output = new BlockingOutput();
        await using var pipeline = TestPipeline.Create(output, out _, TestPipeline.Settings(capacity: 32));
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();
        var blocked = await FillAndBlockAsync(client, output);

        output.ReleaseAll();
        await blocked.WaitAsync(Eventually.DefaultTimeout);
        await Eventually.HoldsAsync(() => output.Delivered.Count == 33, "all 33 delivered");
    }

    [Fact]
    public async Task Publish_gives_up_with_OperationCanceledException_when_cancelled_while_waiting()
    {
        var output = new BlockingOutput();
        await using var pipeline = TestPipeline.Create(output, out var metrics, TestPipeline.Settings(capacity: 32));
        var client = pipeline.Connect(new ClientSettings());
        for (var i = 0; i < 32; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        using var cancel = new CancellationTokenSource();
        var blocked = Task.Run(() => client.Publish(TestEvents.Numbered(32), cancel.Token));
        await Task.Delay(20);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked.WaitAsync(Eventually.DefaultTimeout));
        Assert.Equal(32, pipeline.Backpressure.Current.QueuedEvents);
        Assert.Equal(1, metrics.Value("libbeat.pipeline.events.failed"));
    }

    [Fact]
    public async Task A_publisher_blocked_on_a_full_queue_is_told_the_pipeline_stopped_when_it_stops()
    {
        var output = new BlockingOutput();
        await using var pipeline = TestPipeline.Create(output, out var metrics, TestPipeline.Settings(capacity: 32));
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();
        var blocked = await FillAndBlockAsync(client, output);

        var result = await pipeline.StopAsync(TimeSpan.Zero, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => blocked.WaitAsync(Eventually.DefaultTimeout));
        Assert.Equal(1, metrics.Value("libbeat.pipeline.events.failed"));
        Assert.Equal(32, result.Abandoned);
    }

    [Fact]
    public async Task A_partial_batch_waiting_for_its_flush_timeout_goes_out_at_once_when_the_pipeline_stops()
    {
        var output = new CollectingOutput();
        var settings = TestPipeline.Settings(minEvents: 100, flushTimeout: TimeSpan.FromHours(1));
        await using var pipeline = TestPipeline.Create(output, out _, settings);
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();
        for (var i = 0; i < 3; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        await Task.Delay(50);
        Assert.Equal(0, output.Count);

        var result = await pipeline.StopAsync(TimeSpan.FromHours(1), CancellationToken.None).WaitAsync(Eventually.DefaultTimeout);

        Assert.False(result.TimedOut);
        Assert.Equal(3, result.Delivered);
        Assert.Equal([3], output.BatchSizes);
    }

    [Fact]
    public async Task PublishAsync_waits_while_full_and_honours_cancellation()
    {
        var output = new BlockingOutput();
        await using var pipeline = TestPipeline.Create(output, out _, TestPipeline.Settings(capacity: 32));
        var client = pipeline.Connect(new ClientSettings());
        for (var i = 0; i < 32; i++)
        {
            await client.PublishAsync(TestEvents.Numbered(i), CancellationToken.None);
        }

        using var cancel = new CancellationTokenSource();
        var waiting = client.PublishAsync(TestEvents.Numbered(32), cancel.Token).AsTask();
        await Task.Delay(20);
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Eventually.DefaultTimeout));
    }

    [Fact]
    public async Task TryPublish_returns_false_at_once_when_full_and_counts_the_drop()
    {
        var output = new BlockingOutput();
        await using var pipeline = TestPipeline.Create(output, out var metrics, TestPipeline.Settings(capacity: 32));
        var client = pipeline.Connect(new ClientSettings());
        for (var i = 0; i < 32; i++)
        {
            Assert.True(client.TryPublish(TestEvents.Numbered(i)));
        }

        Assert.False(client.TryPublish(TestEvents.Numbered(32)));
        Assert.False(client.TryPublish(TestEvents.Numbered(33)));

        Assert.Equal(2, metrics.Value("libbeat.pipeline.events.dropped"));
        Assert.Equal(32, metrics.Value("libbeat.pipeline.events.published"));
        Assert.Equal(34, metrics.Value("libbeat.pipeline.events.total"));
        Assert.Equal(2, client.Backpressure.Current.DroppedOnPublish);
    }

    [Fact]
    public async Task A_never_acknowledging_output_holds_no_more_events_than_the_queue_capacity()
    {
        var output = new BlockingOutput { Workers = 3, MaxBatchSize = 8 };
        await using var pipeline = TestPipeline.Create(output, out var metrics, TestPipeline.Settings(capacity: 40));
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        var accepted = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (client.TryPublish(TestEvents.Numbered(i)))
            {
                accepted++;
            }
        }

        await Eventually.HoldsAsync(() => output.Calls == 3, "every worker holds a batch");
        for (var i = 0; i < 1_000; i++)
        {
            if (client.TryPublish(TestEvents.Numbered(i)))
            {
                accepted++;
            }
        }

        // Events handed to the output still count against the queue until acknowledged. How many each held batch
        // has depends on how far the publisher was ahead when a worker took it (1 to 8), so only its bounds are fixed.
        Assert.Equal(40, accepted);
        Assert.Equal(40, pipeline.Backpressure.Current.QueuedEvents);
        Assert.InRange(output.Held, 3, 24);
        Assert.Equal(40, metrics.Value("libbeat.pipeline.events.active"));
    }

    [Fact]
    public async Task Queue_slots_come_back_in_queue_order_even_when_a_later_batch_finishes_first()
    {
        var firstBatchGate = new TaskCompletionSource();
        var output = new GatedFirstBatchOutput(firstBatchGate.Task) { Workers = 2, MaxBatchSize = 4 };
        await using var pipeline = TestPipeline.Create(output, out var metrics, TestPipeline.Settings(capacity: 32));
        var client = pipeline.Connect(new ClientSettings());
        for (var i = 0; i < 8; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        pipeline.Start();
        await Eventually.HoldsAsync(() => output.Completed == 1, "the second batch is acknowledged");
        await Task.Delay(20);
        Assert.Equal(0, metrics.Value("libbeat.pipeline.queue.acked"));
        Assert.Equal(8, pipeline.Backpressure.Current.QueuedEvents);

        firstBatchGate.SetResult();
        await Eventually.HoldsAsync(() => metrics.Value("libbeat.pipeline.queue.acked") == 8, "both batches released");
        Assert.Equal(0, pipeline.Backpressure.Current.QueuedEvents);
    }

    private sealed class GatedFirstBatchOutput(Task gate) : Shipper.Outputs.IOutput
    {
        private int _completed;

        public int Workers { get; init; }

        public int MaxBatchSize { get; init; }

        public int Completed => Volatile.Read(ref _completed);

        public async ValueTask SendAsync(Shipper.Outputs.OutputBatch batch, CancellationToken cancellationToken)
        {
            if (TestEvents.SequenceOf(batch[0]) == 0)
            {
                await gate.WaitAsync(cancellationToken);
            }

            batch.AcknowledgeAll();
            Interlocked.Increment(ref _completed);
        }

        public ValueTask<bool> TestAsync(TextWriter report, CancellationToken cancellationToken) => ValueTask.FromResult(true);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Fills a 32-event queue whose output holds its first batch, then starts a 33rd publish, which must wait.</summary>
    private static async Task<Task> FillAndBlockAsync(IPipelineClient client, BlockingOutput output)
    {
        for (var i = 0; i < 32; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }

        var blocked = Task.Run(() => client.Publish(TestEvents.Numbered(32), CancellationToken.None));
        await Eventually.HoldsAsync(() => output.Calls == 1, "the output holds its first batch");
        await Task.Delay(50);
        Assert.False(blocked.IsCompleted);
        return blocked;
    }
}
