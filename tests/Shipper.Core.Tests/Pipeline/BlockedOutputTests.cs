using Shipper.Core.Pipeline;
using Shipper.Events;
using Shipper.Testing;

namespace Shipper.Core.Tests.Pipeline;

/// <summary>An output that never acknowledges must cost a bounded queue, never growing memory.</summary>
[Collection(MemoryMeasuring.Name)]
public class BlockedOutputTests
{
    private const int Capacity = 64;

    [Fact]
    public async Task Publish_waits_and_TryPublish_fails_with_the_queue_at_its_bound()
    {
        var output = new BlockingOutput { MaxBatchSize = 16 };
        await using var pipeline = TestPipeline.Create(output, out var metrics, TestPipeline.Settings(capacity: Capacity));
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();
        FillQueue(client);
        await Eventually.HoldsAsync(() => output.Calls == 1, "the output holds its first batch");

        var waiting = Task.Run(() => client.Publish(TestEvents.Numbered(-1), CancellationToken.None));
        var refused = Enumerable.Range(0, 1000).Count(i => !client.TryPublish(TestEvents.Numbered(i)));
        await Task.Delay(100);

        Assert.False(waiting.IsCompleted);
        Assert.Equal(1000, refused);
        Assert.Equal(Capacity, pipeline.Backpressure.Current.QueuedEvents);
        Assert.Equal(Capacity, metrics.Value("libbeat.pipeline.events.active"));
        Assert.Equal(1000, metrics.Value("libbeat.pipeline.events.dropped"));
        Assert.InRange(output.Held, 1, 16); // the first batch, as big as the queue was when the consumer took it (at most MaxBatchSize)

        output.ReleaseAll();
        await waiting.WaitAsync(Eventually.DefaultTimeout);
        await Eventually.HoldsAsync(() => output.Delivered.Count == Capacity + 1, "everything accepted is delivered");
    }

    [Fact]
    public async Task A_refused_TryPublish_allocates_nothing()
    {
        var output = new BlockingOutput();
        await using var pipeline = TestPipeline.Create(output, out _, TestPipeline.Settings(capacity: Capacity));
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();
        FillQueue(client);
        var e = TestEvents.Numbered(-1);
        Assert.False(client.TryPublish(e));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            client.TryPublish(e);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Memory_stays_flat_while_a_blocked_pipeline_refuses_a_million_events()
    {
        var output = new BlockingOutput();
        await using var pipeline = TestPipeline.Create(output, out _, TestPipeline.Settings(capacity: Capacity));
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();
        FillQueue(client);
        RefuseMany(client, 10_000);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        RefuseMany(client, 1_000_000);
        var after = GC.GetTotalMemory(forceFullCollection: true);

        // A million events of ~200 bytes each would be ~200 MB if anything kept them.
        Assert.True(after - baseline < 1024 * 1024, $"live memory grew by {after - baseline} bytes");
        Assert.Equal(Capacity, pipeline.Backpressure.Current.QueuedEvents);
    }

    private static void FillQueue(Shipper.Pipeline.IPipelineClient client)
    {
        for (var i = 0; i < Capacity; i++)
        {
            client.Publish(TestEvents.Numbered(i), CancellationToken.None);
        }
    }

    private static void RefuseMany(Shipper.Pipeline.IPipelineClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.False(client.TryPublish(new Event(DateTimeOffset.UnixEpoch, new FieldMap().Add("seq", i).Add("message", "refused"))));
        }
    }
}
