using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Core.Monitoring;
using Shipper.Core.Options;
using Shipper.Core.Pipeline;
using Shipper.Events;
using Shipper.Hosting;
using Shipper.Pipeline;

namespace Shipper.Benchmarks.Pipeline;

/// <summary>
/// Which types the pipeline allocates while events flow, as the benchmark's setup runs it (default queue, one
/// producer, a null output). The runtime's allocation-tick events (one per ~100 KB allocated, with the type that
/// crossed the mark) are counted only while events are being published, not while the next round's events are
/// made, so what is left is the pipeline's own allocation on every thread, plus this listener's own event objects.
/// </summary>
public static class PipelineAllocationSampler
{
    private const int EventsPerRound = 200_000;
    private static readonly DateTimeOffset Timestamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Runs <paramref name="rounds"/> measured rounds after five warm-up rounds and prints what it saw. A small
    /// <paramref name="minEvents"/> (with a small <paramref name="queueEvents"/>) multiplies the batches per event,
    /// which brings out what is allocated per batch.
    /// </summary>
    public static void Run(int rounds, int queueEvents = 3200, int minEvents = 1600)
    {
        var output = new NullOutput(workers: 1);
        var agent = new AgentInfo("bench", "shipper", "0.1.0", Guid.NewGuid(), Guid.NewGuid(), "bench-host");
        var pipeline = new PublisherPipeline(
            new PipelineSettings { Agent = agent, Queue = new MemoryQueueOptions { Events = queueEvents, Flush = new FlushOptions { MinEvents = minEvents } } }, output, new MetricsRegistry(), NullLoggerFactory.Instance);
        var client = pipeline.Connect(new ClientSettings());
        pipeline.Start();
        var events = new Event[EventsPerRound];
        for (var i = 0; i < 5; i++)
        {
            PublishRound(client, output, events);
        }

        using var ticks = new AllocationTicks();
        var perRound = new List<long>();
        for (var i = 0; i < rounds; i++)
        {
            perRound.Add(PublishRound(client, output, events, ticks));
        }

        pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Thread.Sleep(500);
        var total = rounds * (double)EventsPerRound;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"queue.mem.events {queueEvents}, flush.min_events {minEvents}: {rounds} rounds of {EventsPerRound:N0} events; bytes allocated per event by round (all threads): {string.Join(" ", perRound.Select(b => (b / (double)EventsPerRound).ToString("0.00", CultureInfo.InvariantCulture)))}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean {perRound.Sum() / total:0.000} B/event; allocation ticks while publishing, by type (each ~100 KB):"));
        foreach (var (type, count) in ticks.ByType().OrderByDescending(p => p.Value))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count,8}  {type}"));
        }
    }

    private static long PublishRound(IPipelineClient client, NullOutput output, Event[] events, AllocationTicks? ticks = null)
    {
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = new Event(Timestamp, new FieldMap(8).Add("seq", i).Add("message", "hello"));
        }

        // Let the listener's dispatch of ticks from making the events finish outside the window.
        Thread.Sleep(50);
        var done = output.Expect(events.Length);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        ticks?.Open();
        foreach (var e in events)
        {
            client.Publish(e, CancellationToken.None);
        }

        done.GetAwaiter().GetResult();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        ticks?.Close();
        return allocated;
    }

    /// <summary>Counts GCAllocationTick events by type name, only for ticks stamped inside an open window.</summary>
    private sealed class AllocationTicks : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly ConcurrentQueue<(DateTime At, string Type)> _ticks = new();
        private readonly List<(DateTime From, DateTime To)> _windows = [];
        private DateTime _openedAt;

        public void Open() => _openedAt = DateTime.UtcNow;

        public void Close() => _windows.Add((_openedAt, DateTime.UtcNow));

        public Dictionary<string, int> ByType()
        {
            var counts = new Dictionary<string, int>();
            foreach (var (at, type) in _ticks)
            {
                if (_windows.Exists(w => at >= w.From && at <= w.To))
                {
                    counts[type] = counts.GetValueOrDefault(type) + 1;
                }
            }

            return counts;
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true
                && eventData.PayloadNames is { } names && eventData.Payload is { } payload)
            {
                var index = names.IndexOf("TypeName");
                _ticks.Enqueue((eventData.TimeStamp.ToUniversalTime(), index >= 0 ? payload[index]?.ToString() ?? "?" : "?"));
            }
        }
    }
}
