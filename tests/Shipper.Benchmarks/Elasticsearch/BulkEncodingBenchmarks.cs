using BenchmarkDotNet.Attributes;
using Shipper.Events;
using Shipper.Outputs.Elasticsearch.Bulk;

namespace Shipper.Benchmarks.Elasticsearch;

/// <summary>
/// The output's own CPU per bulk request: 1600 auditd-shaped events encoded as NDJSON <c>create</c> pairs and
/// gzipped at <c>compression_level</c> (0 = plain). No network.
/// </summary>
[MemoryDiagnoser]
public class BulkEncodingBenchmarks
{
    private const int Events = 1600;
    private readonly Event[] _events = [.. Enumerable.Range(0, Events).Select(AuditEvents.Make)];
    private readonly string[] _ids = [.. Enumerable.Range(0, Events).Select(_ => BulkBody.NewId())];
    private BulkBody _body = null!;

    [Params(0, 1, 6)]
    public int CompressionLevel { get; set; }

    [GlobalSetup]
    public void Setup() => _body = new BulkBody(CompressionLevel);

    [GlobalCleanup]
    public void Cleanup() => _body.Dispose();

    [Benchmark(OperationsPerInvoke = Events)]
    public int EncodeOneEvent()
    {
        _body.Reset();
        for (var i = 0; i < _events.Length; i++)
        {
            _body.TryAppend(i, _events[i], "shipper-0.1.0-2026.03.04", _ids[i], null, out _);
        }

        return _body.Seal().Length;
    }
}
