using Shipper.Outputs;

namespace Shipper.Core.Tests.Hosting;

/// <summary>Makes <c>output.test</c> hand out one given output, so a host can be run against a test double.</summary>
internal sealed class TestOutputFactory(IOutput output) : IOutputFactory
{
    public string Type => "test";

    public IOutput Create(OutputContext context) => output;
}
