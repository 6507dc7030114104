using Shipper.Outputs.Elasticsearch.Tests.Server;
using Shipper.Outputs.Elasticsearch.Tests.Support;

namespace Shipper.Outputs.Elasticsearch.Tests;

/// <summary><c>shipper test output</c>: connect, check the product, report the version, or say why not.</summary>
public sealed class TestOutputTests
{
    [Fact]
    public async Task AHealthyClusterIsReportedWithItsNameAndVersion()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using var es = EsOutput.For(server);
        var report = new StringWriter();

        var ok = await es.Output.TestAsync(report, CancellationToken.None);

        Assert.True(ok, report.ToString());
        Assert.Contains($"elasticsearch: http://{server.Host}/", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("connection... OK", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("product... OK (cluster 'fake-cluster')", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("version: 9.1.3", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatIsNotElasticsearchFailsWithThatReason()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.ProductHeader = null;
        await using var es = EsOutput.For(server);
        var report = new StringWriter();

        var ok = await es.Output.TestAsync(report, CancellationToken.None);

        Assert.False(ok);
        Assert.True(report.ToString().Contains("not Elasticsearch", StringComparison.OrdinalIgnoreCase), report.ToString());
    }

    [Fact]
    public async Task ARefusedConnectionFailsWithTheReason()
    {
        var server = await FakeElasticsearch.StartAsync();
        await server.StopAsync();
        await using var es = EsOutput.For(server);
        var report = new StringWriter();

        var ok = await es.Output.TestAsync(report, CancellationToken.None);

        Assert.False(ok);
        Assert.Contains("connection... ERROR", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("refused", report.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RejectedCredentialsFailWithTheClustersReason()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.RequiredAuthorization = "Basic other";
        await using var es = EsOutput.For(server, "    username: shipper\n    password: wrong-password-123");
        var report = new StringWriter();

        var ok = await es.Output.TestAsync(report, CancellationToken.None);

        Assert.False(ok);
        Assert.Contains("HTTP 401 security_exception: unable to authenticate user [shipper]", report.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-123", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachHostIsTestedOnItsOwn()
    {
        await using var up = await FakeElasticsearch.StartAsync();
        var down = await FakeElasticsearch.StartAsync();
        await down.StopAsync();
        await using var es = new EsOutput($"""
            output.elasticsearch:
                hosts: ['{up.Host}', '{down.Host}']
            """);
        var report = new StringWriter();

        var ok = await es.Output.TestAsync(report, CancellationToken.None);

        Assert.False(ok);
        var text = report.ToString();
        Assert.Contains($"elasticsearch: http://{up.Host}/{Environment.NewLine}  connection... OK", text, StringComparison.Ordinal);
        Assert.Contains($"elasticsearch: http://{down.Host}/{Environment.NewLine}  connection... ERROR", text, StringComparison.Ordinal);
    }
}
