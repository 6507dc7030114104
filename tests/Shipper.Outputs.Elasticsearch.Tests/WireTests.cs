using System.Text;
using Shipper.Outputs.Elasticsearch.Tests.Server;
using Shipper.Outputs.Elasticsearch.Tests.Support;

namespace Shipper.Outputs.Elasticsearch.Tests;

/// <summary>What goes over the wire: compression, content type, authentication, headers, hosts.</summary>
public sealed class WireTests
{
    [Fact]
    public async Task BulkBodiesAreGzippedByDefaultAndCountedAsWrittenBytes()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using var es = EsOutput.For(server);

        await es.SendAsync(200);

        var bulk = Assert.Single(server.BulkRequests);
        Assert.Equal("gzip", bulk.ContentEncoding);
        Assert.Equal("application/x-ndjson", bulk.ContentType);
        Assert.True(bulk.WireBytes * 4 < bulk.BodyBytes, $"{bulk.WireBytes} bytes on the wire for {bulk.BodyBytes} of NDJSON");
        Assert.Equal(bulk.WireBytes, es.Metrics.Written);
        Assert.True(es.Metrics.Read > 0);
    }

    [Fact]
    public async Task CompressionLevelZeroSendsPlainNdjson()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using var es = EsOutput.For(server, "    compression_level: 0");

        await es.SendAsync(20);

        var bulk = Assert.Single(server.BulkRequests);
        Assert.Null(bulk.ContentEncoding);
        Assert.Equal(bulk.WireBytes, bulk.BodyBytes);
        Assert.Equal(20, server.Documents.Count);
    }

    [Fact]
    public async Task UsernameAndPasswordAreSentAsBasicAuthentication()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.RequiredAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("shipper:s3cret-pw"));
        await using var es = EsOutput.For(server, "    username: shipper\n    password: s3cret-pw");

        var batch = await es.SendAsync(2);

        Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(1));
    }

    [Fact]
    public async Task AnApiKeyGivenAsIdColonKeyIsSentBase64Encoded()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.RequiredAuthorization = "ApiKey " + Convert.ToBase64String(Encoding.UTF8.GetBytes("key-id:key-secret"));
        await using var es = EsOutput.For(server, "    api_key: key-id:key-secret");

        var batch = await es.SendAsync(1);

        Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(0));
    }

    [Fact]
    public async Task ConfiguredHeadersGoWithEveryRequest()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using var es = EsOutput.For(server, "    headers:\n        X-Team: audit");

        await es.SendAsync(1);

        Assert.All(server.Requests, r => Assert.Equal("audit", r.Headers["X-Team"]));
    }

    [Fact]
    public async Task SeveralHostsShareTheLoadAndAHostThatIsDownIsSkipped()
    {
        await using var first = await FakeElasticsearch.StartAsync();
        await using var second = await FakeElasticsearch.StartAsync();
        await using (var es = new EsOutput($"""
            output.elasticsearch:
                hosts: ['{first.Host}', 'http://{second.Host}']
            setup.template.enabled: false
            """))
        {
            Assert.Equal(2, es.Output.Workers);
            for (var i = 0; i < 6; i++)
            {
                await es.SendAsync(1);
            }

            Assert.NotEmpty(first.BulkRequests);
            Assert.NotEmpty(second.BulkRequests);

            await first.StopAsync();
            for (var i = 0; i < 4; i++)
            {
                var batch = await es.SendAsync(1);
                Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(0));
            }
        }

        Assert.Equal(10, first.Documents.Count + second.Documents.Count);
    }

    [Fact]
    public async Task AHostThatFailedIsTriedAgainOnceItIsBack()
    {
        await using var first = await FakeElasticsearch.StartAsync();
        await using var second = await FakeElasticsearch.StartAsync();
        await using var es = new EsOutput($"""
            output.elasticsearch:
                hosts: ['{first.Host}', '{second.Host}']
            setup.template.enabled: false
            """);
        await first.StopAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(EventOutcome.Acknowledged, (await es.SendAsync(1)).OutcomeOf(0));
        }

        Assert.Empty(first.Documents);
        await first.RestartAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (first.Documents.Count == 0 && DateTime.UtcNow < deadline)
        {
            Assert.Equal(EventOutcome.Acknowledged, (await es.SendAsync(1)).OutcomeOf(0));
            await Task.Delay(100);
        }

        Assert.NotEmpty(first.Documents);
    }

    [Fact]
    public async Task PathPrefixesEveryRequestForAClusterBehindAProxy()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.PathPrefix = "/es";
        await using var es = EsOutput.For(server, "    path: /es");

        var batch = await es.SendAsync(2);

        Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(1));
        Assert.All(server.Requests, r => Assert.StartsWith("/es/", r.Path, StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.Path == "/es/_bulk");
        Assert.Single(server.Templates);
    }
}
