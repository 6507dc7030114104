using Shipper.Core.Pipeline;
using Shipper.Events;
using Shipper.Outputs;
using Shipper.Pipeline;
using Shipper.Testing;

namespace Shipper.Core.Tests.Pipeline;

/// <summary>What a module's receive loop pays per event on its own thread once the pipeline is warm.</summary>
public class PublishAllocationTests
{
    private const int Warmup = 50_000;
    private const int Measured = 50_000;

    [Fact]
    public async Task Publish_allocates_nothing_beyond_the_event_on_the_publishing_thread()
    {
        var bytes = await MeasureAsync(static (client, e) => client.Publish(e, CancellationToken.None));

        Assert.True(bytes < 1.0, $"{bytes:0.00} bytes per event");
    }

    [Fact]
    public async Task An_accepted_TryPublish_allocates_nothing_beyond_the_event_on_the_publishing_thread()
    {
        var bytes = await MeasureAsync(static (client, e) =>
        {
            while (!client.TryPublish(e))
            {
                Thread.Yield();
            }
        });

        Assert.True(bytes < 1.0, $"{bytes:0.00} bytes per event");
    }

    /// <returns>Bytes allocated on the calling thread per measured event.</returns>
    private static async Task<double> MeasureAsync(Action<IPipelineClient, Event> publish)
    {
        var output = new CountingOutput();
        await using var pipeline = TestPipeline.Create(output, out _, TestPipeline.Settings(capacity: 3200, minEvents: 1600));
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        // Room for the fields the pipeline adds, so the event's own map never grows while measured.
        var events = Enumerable.Range(0, Warmup + Measured)
            .Select(i => new Event(DateTimeOffset.UnixEpoch, new FieldMap(8).Add("seq", i)))
            .ToArray();
        for (var i = 0; i < Warmup; i++)
        {
            publish(client, events[i]);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = Warmup; i < events.Length; i++)
        {
            publish(client, events[i]);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(events.Length, output.Count);
        return allocated / (double)Measured;
    }

    private sealed class CountingOutput : IOutput
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public int Workers => 1;

        public int MaxBatchSize => 0;

        public ValueTask SendAsync(OutputBatch batch, CancellationToken cancellationToken)
        {
            batch.AcknowledgeAll();
            Interlocked.Add(ref _count, batch.Count);
            return ValueTask.CompletedTask;
        }

        public ValueTask<bool> TestAsync(TextWriter report, CancellationToken cancellationToken) => ValueTask.FromResult(true);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
