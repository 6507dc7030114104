using System.Collections.Concurrent;
using Shipper.Core.Pipeline;
using Shipper.Outputs;
using Shipper.Testing;

namespace Shipper.Core.Tests.Pipeline;

public class RetryBackoffTests
{
    private static readonly TimeSpan Init = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Max = TimeSpan.FromMilliseconds(40);

    [Theory]
    [InlineData(0, 10, 20)]
    [InlineData(1, 20, 40)]
    [InlineData(2, 20, 40)]
    [InlineData(30, 20, 40)]
    [InlineData(int.MaxValue, 20, 40)]
    public void Each_wait_lies_in_the_equal_jitter_range_capped_by_max(int attempt, int lowMs, int highMs)
    {
        var lowest = EqualJitterBackoff.Delay(attempt, Init, Max, 0);
        var highest = EqualJitterBackoff.Delay(attempt, Init, Max, 0.999999);

        Assert.Equal(TimeSpan.FromMilliseconds(lowMs), lowest);
        Assert.InRange(highest, TimeSpan.FromMilliseconds(lowMs), TimeSpan.FromMilliseconds(highMs));
        Assert.True(highest < TimeSpan.FromMilliseconds(highMs));
    }

    [Fact]
    public async Task Backoff_grows_while_the_output_keeps_failing_and_starts_over_after_a_success()
    {
        var failingCalls = new HashSet<int> { 0, 1, 2, 3, 5, 6 };
        var output = new ScriptedOutput { ThrowOnCall = failingCalls.Contains };
        var settings = TestPipeline.Settings();
        settings.Backoff = new BackoffSettings { Init = Init, Max = Max };
        await using var pipeline = TestPipeline.Create(output, out _, settings);
        var retries = new ConcurrentQueue<(int Attempt, TimeSpan Delay)>();
        pipeline.RetryScheduled = (attempt, delay) => retries.Enqueue((attempt, delay));
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        client.Publish(TestEvents.Numbered(0), CancellationToken.None);
        await Eventually.HoldsAsync(() => output.Delivered.Count == 1, "first event delivered after four failures");
        client.Publish(TestEvents.Numbered(1), CancellationToken.None);
        await Eventually.HoldsAsync(() => output.Delivered.Count == 2, "second event delivered after two failures");

        var scheduled = retries.ToArray();
        Assert.Equal([0, 1, 2, 3, 0, 1], scheduled.Select(r => r.Attempt));
        Assert.InRange(scheduled[0].Delay, Init, 2 * Init);
        Assert.InRange(scheduled[1].Delay, 2 * Init, Max);
        Assert.All(scheduled[2..4], r => Assert.InRange(r.Delay, Max / 2, Max));
        Assert.InRange(scheduled[4].Delay, Init, 2 * Init);
    }

    [Fact]
    public async Task Too_many_requests_back_off_and_are_counted()
    {
        var output = new ScriptedOutput { OutcomeFor = (_, sentBefore) => sentBefore < 2 ? EventOutcome.TooMany : EventOutcome.Acknowledged };
        await using var pipeline = TestPipeline.Create(output, out var metrics);
        var retries = 0;
        pipeline.RetryScheduled = (_, _) => Interlocked.Increment(ref retries);
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        client.Publish(TestEvents.Numbered(0), CancellationToken.None);
        await Eventually.HoldsAsync(() => output.Delivered.Count == 1, "event delivered on the third try");

        Assert.Equal(2, retries);
        Assert.Equal(2, metrics.Value("libbeat.output.events.toomany"));
        Assert.Equal(0, metrics.Value("libbeat.output.events.failed"));
    }

    [Fact]
    public async Task A_dropped_event_is_logged_with_its_reason_and_never_sent_again()
    {
        var output = new ScriptedOutput { OutcomeFor = (_, _) => EventOutcome.Dropped };
        var logs = new ListLoggerFactory();
        await using var pipeline = TestPipeline.Create(output, out var metrics, logs: logs);
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        client.Publish(TestEvents.Numbered(0), CancellationToken.None);
        await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(1, output.CallCount);
        Assert.Equal(1, metrics.Value("libbeat.output.events.dropped"));
        Assert.Contains(logs.Entries, e => e.Message.Contains("scripted mapping error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_max_retries_an_undelivered_event_is_tried_that_many_times_more_then_dropped_with_its_reason()
    {
        var output = new ScriptedOutput { MaxRetries = 2, OutcomeFor = (e, _) => e.Fields["seq"] is 0 ? EventOutcome.Retry : EventOutcome.Acknowledged };
        var logs = new ListLoggerFactory();
        await using var pipeline = TestPipeline.Create(output, out var metrics, logs: logs);
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        var failing = TestEvents.Numbered(0);
        client.Publish(failing, CancellationToken.None);
        client.Publish(TestEvents.Numbered(1), CancellationToken.None);
        await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(3, output.TimesSent(failing));
        Assert.Equal(1, metrics.Value("libbeat.output.events.dropped"));
        Assert.Equal(1, metrics.Value("libbeat.output.events.acked"));
        var warning = Assert.Single(logs.Entries, e => e.Message.Contains("gave up", StringComparison.Ordinal));
        Assert.Contains("after 3 attempts (max_retries: 2)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("scripted retry", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_max_retries_a_batch_whose_every_call_throws_is_dropped_after_the_last_retry()
    {
        var output = new ScriptedOutput { MaxRetries = 1, ThrowOnCall = _ => true };
        var logs = new ListLoggerFactory();
        await using var pipeline = TestPipeline.Create(output, out var metrics, logs: logs);
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();

        var e = TestEvents.Numbered(0);
        client.Publish(e, CancellationToken.None);
        var stop = await pipeline.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(2, output.TimesSent(e));
        Assert.Equal(1, metrics.Value("libbeat.output.events.dropped"));
        Assert.Equal(0, stop.Abandoned);
        Assert.Contains(logs.Entries, l => l.Message.Contains("scripted failure of call 1", StringComparison.Ordinal));
    }
}
