using System.Text.Json;

namespace Shipper.Outputs.Elasticsearch.Tests.Server;

/// <summary>A document the test server indexed.</summary>
internal sealed record StoredDocument(string Index, string Id, JsonElement Source, string? Pipeline);
