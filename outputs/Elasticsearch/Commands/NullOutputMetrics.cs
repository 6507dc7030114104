using Shipper.Monitoring;

namespace Shipper.Outputs.Elasticsearch.Commands;

/// <summary>Output counters that go nowhere, for commands that talk to the cluster outside the pipeline.</summary>
internal sealed class NullOutputMetrics : IOutputMetrics
{
    public static readonly NullOutputMetrics Instance = new();

    public void AddReadBytes(long bytes)
    {
    }

    public void AddWriteBytes(long bytes)
    {
    }

    public void ReadError()
    {
    }

    public void WriteError()
    {
    }
}
