using Shipper.Core.Pipeline;
using Shipper.Testing;

namespace Shipper.Core.Tests.Pipeline;

/// <summary>Several modules publishing at once into a small queue: the ring wraps thousands of times meanwhile.</summary>
public class ConcurrentPublishTests
{
    private const int Producers = 4;
    private const int PerProducer = 25_000;

    [Theory]
    [InlineData(16, 3600_000, 1)]
    [InlineData(0, 0, 1)]
    [InlineData(16, 3600_000, 3)]
    public async Task Every_event_of_every_publisher_arrives_once_and_in_that_publishers_order_with_one_worker(int minEvents, int flushTimeoutMs, int workers)
    {
        var output = new CollectingOutput { Workers = workers };
        var settings = TestPipeline.Settings(capacity: 64, minEvents: minEvents, flushTimeout: TimeSpan.FromMilliseconds(flushTimeoutMs));
        await using var pipeline = TestPipeline.Create(output, out var metrics, settings);
        pipeline.Start();

        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(() =>
        {
            var client = pipeline.Connect(new ClientSettings());
            for (var i = 0; i < PerProducer; i++)
            {
                var e = TestEvents.Numbered((p * PerProducer) + i);
                if (i % 3 == 0)
                {
                    while (!client.TryPublish(e))
                    {
                        Thread.Yield();
                    }
                }
                else
                {
                    client.Publish(e, CancellationToken.None);
                }
            }
        })).ToArray();
        await Task.WhenAll(producers).WaitAsync(TimeSpan.FromSeconds(60));
        var result = await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.False(result.TimedOut);
        Assert.Equal(0, result.Abandoned);
        var received = output.Events.Select(TestEvents.SequenceOf).ToList();
        Assert.Equal(Enumerable.Range(0, Producers * PerProducer), received.Order());
        for (var p = 0; p < Producers && workers == 1; p++)
        {
            var first = p * PerProducer;
            Assert.Equal(Enumerable.Range(first, PerProducer), received.Where(s => s >= first && s < first + PerProducer));
        }

        Assert.Equal(Producers * PerProducer, metrics.Value("libbeat.pipeline.queue.acked"));
        Assert.Equal(0, pipeline.Backpressure.Current.QueuedEvents);
    }
}
