using System.Collections.Concurrent;

namespace Shipper.Outputs.Elasticsearch.Bulk;

/// <summary>Bulk bodies for concurrent workers: each call rents one, so buffers are reused without sharing.</summary>
internal sealed class BulkBodyPool(int compressionLevel) : IDisposable
{
    private readonly ConcurrentBag<BulkBody> _bodies = [];

    public BulkBody Rent()
    {
        if (!_bodies.TryTake(out var body))
        {
            body = new BulkBody(compressionLevel);
        }

        body.Reset();
        return body;
    }

    public void Return(BulkBody body) => _bodies.Add(body);

    public void Dispose()
    {
        while (_bodies.TryTake(out var body))
        {
            body.Dispose();
        }
    }
}
