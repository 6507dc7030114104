namespace Shipper.Outputs.Elasticsearch.Connection;

/// <summary>
/// What came back from one request: the HTTP status and body, or (status null) why no answer arrived.
/// <see cref="Failure"/> never contains credentials.
/// </summary>
internal sealed record ClusterResponse(int? Status, byte[] Body, string? Failure, IReadOnlyDictionary<string, string> Headers)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public bool Answered => Status is not null;
}
