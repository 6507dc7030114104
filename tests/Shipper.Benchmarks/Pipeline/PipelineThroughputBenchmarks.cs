using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Core.Monitoring;
using Shipper.Core.Options;
using Shipper.Core.Pipeline;
using Shipper.Events;
using Shipper.Hosting;
using Shipper.Pipeline;

namespace Shipper.Benchmarks.Pipeline;

/// <summary>
/// One producer publishing small events through client → queue → batches → a null output, with the default queue
/// settings (3200 events, batches of 1600, flush timeout 10s). Events are made before each iteration, so the
/// allocations reported are the pipeline's own per event (built-in fields included).
/// </summary>
[MemoryDiagnoser]
public class PipelineThroughputBenchmarks
{
    private const int EventsPerInvoke = 200_000;
    private const int WarmupRounds = 25;
    private static readonly DateTimeOffset Timestamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Event[] _events = new Event[EventsPerInvoke];
    private NullOutput _output = null!;
    private PublisherPipeline _pipeline = null!;
    private IPipelineClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _output = new NullOutput(workers: 1);
        var agent = new AgentInfo("bench", "shipper", "0.1.0", Guid.NewGuid(), Guid.NewGuid(), "bench-host");
        _pipeline = new PublisherPipeline(
            new PipelineSettings { Agent = agent, Queue = new MemoryQueueOptions() },
            _output,
            new MetricsRegistry(),
            NullLoggerFactory.Instance);
        _client = _pipeline.Connect(new ClientSettings());
        _pipeline.Start();

        // The short job's three warm-up iterations (0.6 M events) leave the JIT still moving the publishing and
        // consuming loops to optimised code, so the first measured iterations used to be 2-5 times slower than
        // the last. Two seconds or so of the same work first measures the steady state.
        for (var i = 0; i < WarmupRounds; i++)
        {
            MakeEvents();
            PublishToNullOutput();
        }
    }

    [IterationSetup]
    public void MakeEvents()
    {
        for (var i = 0; i < _events.Length; i++)
        {
            _events[i] = new Event(Timestamp, new FieldMap(8).Add("seq", i).Add("message", "hello"));
        }
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public void PublishToNullOutput()
    {
        var done = _output.Expect(EventsPerInvoke);
        foreach (var e in _events)
        {
            _client.Publish(e, CancellationToken.None);
        }

        done.GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
