namespace Shipper.Outputs.Elasticsearch.Tests.Server;

/// <summary>One request as the test server saw it: <paramref name="Ids"/> are the <c>_id</c>s of a bulk request's actions, <paramref name="ClientCertificate"/> the subject of the client's TLS certificate.</summary>
internal sealed record ReceivedRequest(
    string Method,
    string Path,
    string? ContentType,
    string? ContentEncoding,
    string? Authorization,
    IReadOnlyDictionary<string, string> Headers,
    int WireBytes,
    int BodyBytes,
    int Documents,
    IReadOnlyList<string> Ids,
    string? ClientCertificate);
