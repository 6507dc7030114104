namespace Shipper.Outputs.Elasticsearch.Tests.Server;

/// <summary>What the test server does to one bulk request, instead of or besides answering it normally.</summary>
internal abstract record BulkFault
{
    /// <summary>Answers the whole request with <paramref name="Status"/> without indexing anything.</summary>
    public sealed record WholeRequest(int Status) : BulkFault;

    /// <summary>Drops the connection, before or after indexing the documents.</summary>
    public sealed record Reset(bool AfterIndexing) : BulkFault;

    /// <summary>Waits before answering, after indexing the documents (so a client that gives up has still indexed).</summary>
    public sealed record Slow(TimeSpan Delay) : BulkFault;

    /// <summary>Answers every <paramref name="Every"/>-th item (1-based position) with 429 instead of indexing it.</summary>
    public sealed record ItemsTooMany(int Every) : BulkFault;

    /// <summary>Indexes and answers normally but without the <c>X-Elastic-Product</c> header (a proxy or another product in the way).</summary>
    public sealed record WithoutProductHeader : BulkFault;

    /// <summary>Answers every <paramref name="Every"/>-th item with a 503 item status (a shard not available).</summary>
    public sealed record ItemsUnavailable(int Every) : BulkFault;
}
