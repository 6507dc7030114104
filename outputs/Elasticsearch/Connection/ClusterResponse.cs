namespace Shipper.Outputs.Elasticsearch.Connection;

/// <summary>
/// What came back from one request: the HTTP status and body, or (status null) why no answer arrived.
/// <see cref="Failure"/> never contains credentials. A successful answer that does not identify as Elasticsearch
/// counts as no answer (<see cref="NotElasticsearch"/>), as it does for Elastic's own clients.
/// </summary>
internal sealed record ClusterResponse(int? Status, byte[] Body, string? Failure, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The server answered 2xx without <c>X-Elastic-Product: Elasticsearch</c>; <see cref="Failure"/> says so.</summary>
    public bool NotElasticsearch { get; init; }

    public bool IsSuccess => Status is >= 200 and < 300;

    public bool Answered => Status is not null;
}
