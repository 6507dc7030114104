namespace Shipper.Outputs.Elasticsearch.Tests.Server;

/// <summary>One request as the test server saw it.</summary>
internal sealed record ReceivedRequest(
    string Method,
    string Path,
    string? ContentType,
    string? ContentEncoding,
    string? Authorization,
    IReadOnlyDictionary<string, string> Headers,
    int WireBytes,
    int BodyBytes,
    int Documents);
