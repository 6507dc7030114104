using System.Collections.Concurrent;
using Shipper.Core.Pipeline;
using Shipper.Testing;

namespace Shipper.Core.Tests.Pipeline;

public class RecoveringOutputTests
{
    [Fact]
    public async Task An_output_that_fails_for_a_while_then_recovers_gets_every_event_exactly_once_in_order()
    {
        var down = 1;
        var failedCalls = new ConcurrentQueue<int>();
        var output = new ScriptedOutput
        {
            MaxBatchSize = 8,
            ThrowOnCall = call =>
            {
                if (Volatile.Read(ref down) == 0)
                {
                    return false;
                }

                failedCalls.Enqueue(call);
                return true;
            },
        };
        await using var pipeline = TestPipeline.Create(output, out var metrics, TestPipeline.Settings(capacity: 32));
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        // The producer keeps publishing into the outage until the full queue makes it wait.
        var producer = Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                client.Publish(TestEvents.Numbered(i), CancellationToken.None);
            }
        });
        await Eventually.HoldsAsync(() => output.CallCount >= 10 && pipeline.Backpressure.Current.QueuedEvents == 32, "the queue filled during the outage");
        Assert.False(producer.IsCompleted);
        Assert.Empty(output.Delivered);

        Volatile.Write(ref down, 0);
        await producer.WaitAsync(Eventually.DefaultTimeout);
        var result = await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 500), output.Delivered.Select(TestEvents.SequenceOf));
        Assert.Equal(0, result.Abandoned);
        Assert.Equal(500, metrics.Value("libbeat.output.events.acked"));
        Assert.Equal(500, metrics.Value("libbeat.pipeline.queue.acked"));
        // Every event of every call made during the outage counts as failed (how many a call had depends on how far
        // the producer was ahead when the worker took its batch; one worker, so calls are in call order).
        var calls = output.Calls;
        Assert.True(failedCalls.Count >= 10);
        Assert.Equal(failedCalls.Sum(call => calls[call].Count), metrics.Value("libbeat.output.events.failed"));
    }

    [Fact]
    public async Task With_several_workers_a_recovering_output_still_gets_every_event_exactly_once()
    {
        var down = 1;
        var output = new ScriptedOutput { Workers = 3, MaxBatchSize = 5, ThrowOnCall = _ => Volatile.Read(ref down) == 1 };
        await using var pipeline = TestPipeline.Create(output, out _, TestPipeline.Settings(capacity: 40));
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        var producer = Task.Run(() =>
        {
            for (var i = 0; i < 400; i++)
            {
                client.Publish(TestEvents.Numbered(i), CancellationToken.None);
            }
        });
        await Eventually.HoldsAsync(() => output.CallCount >= 15, "every worker failed a few times");
        Volatile.Write(ref down, 0);
        await producer.WaitAsync(Eventually.DefaultTimeout);
        await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        var delivered = output.Delivered.Select(TestEvents.SequenceOf).ToList();
        Assert.Equal(400, delivered.Count);
        Assert.Equal(Enumerable.Range(0, 400), delivered.Order());
    }
}
