using Shipper.Outputs.Elasticsearch.Bulk;

namespace Shipper.Outputs.Elasticsearch.Connection;

/// <summary>A request the cluster did not answer, or answered with an error; the message names the step and reason.</summary>
public sealed class ClusterException : Exception
{
    public ClusterException()
    {
    }

    public ClusterException(string message)
        : base(message)
    {
    }

    public ClusterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static ClusterException From(string step, ClusterResponse response) =>
        new(response.Status is { } status
            ? $"{step}: HTTP {status}{(BulkResponseReader.ErrorReason(response.Body) is { } reason ? " " + reason : string.Empty)}"
            : $"{step}: {response.Failure}");
}
