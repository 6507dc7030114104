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
            ? $"{step}: HTTP {status} {BulkResponseReader.ErrorReason(response.Body) ?? Meaning(status)}"
            : $"{step}: {response.Failure}");

    // HEAD answers carry no body, so the status alone has to say what went wrong.
    private static string Meaning(int status) => status switch
    {
        401 => "(the cluster did not accept the credentials: check username/password or api_key)",
        403 => "(the user lacks the privileges for this request)",
        404 => "(not found: check the hosts' path)",
        _ => "(no reason given)",
    };
}
