namespace Shipper.Outputs.Elasticsearch.Bulk;

/// <summary>One item of a bulk response: its HTTP status and, for failures, the error type and reason.</summary>
internal readonly record struct BulkItemResult(int Status, string? ErrorType, string? ErrorReason)
{
    public string Describe() => ErrorType is null
        ? $"HTTP {Status}"
        : $"HTTP {Status} {ErrorType}: {ErrorReason}";
}
