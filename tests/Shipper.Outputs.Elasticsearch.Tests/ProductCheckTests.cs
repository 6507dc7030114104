using Microsoft.Extensions.Logging;
using Shipper.Outputs.Elasticsearch.Connection;
using Shipper.Outputs.Elasticsearch.Tests.Server;
using Shipper.Outputs.Elasticsearch.Tests.Support;
using Shipper.Testing;

namespace Shipper.Outputs.Elasticsearch.Tests;

/// <summary>
/// Like Elastic's clients, the output only believes answers that carry <c>X-Elastic-Product: Elasticsearch</c>:
/// a bulk answer without it acknowledges nothing, the events are retried as after a connection failure, and
/// the host is logged once, not once per batch.
/// </summary>
public sealed class ProductCheckTests
{
    [Fact]
    public async Task ABulkAnswerWithoutTheProductHeaderFailsTheBatchWithAClearReason()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.Enqueue(new BulkFault.WithoutProductHeader());
        await using var es = EsOutput.For(server, root: "setup.template.enabled: false");

        var failure = await Assert.ThrowsAsync<ClusterException>(async () => await es.SendAsync(3));

        Assert.Contains($"http://{server.Host} is not Elasticsearch", failure.Message, StringComparison.Ordinal);
        Assert.Contains("without the 'X-Elastic-Product: Elasticsearch' header", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventsAreRetriedUntilTheHostIdentifiesAndTheProblemIsLoggedOnce()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.Enqueue(new BulkFault.WithoutProductHeader(), new BulkFault.WithoutProductHeader(), new BulkFault.WithoutProductHeader());
        await using var pipeline = new EsPipeline(EsPipeline.HostsOf(server), rootYaml: "setup.template.enabled: false");

        var published = await pipeline.PublishAsync(20);
        await Eventually.HoldsAsync(() => pipeline.Counter("libbeat.output.events.acked") + pipeline.Counter("libbeat.output.events.duplicates") == 20, "events delivered once the host identifies");
        await pipeline.StopAsync(TimeSpan.FromSeconds(5));

        server.AssertExactlyOnce(published);
        Assert.Equal(0, server.PendingFaults);
        Assert.True(pipeline.Counter("libbeat.output.events.failed") >= 20 * 3, "each unidentified answer failed its events");
        Assert.Equal(0, pipeline.Counter("libbeat.output.events.dropped"));
        var error = Assert.Single(pipeline.Logs.Entries, e => e.Message.Contains("is not Elasticsearch", StringComparison.Ordinal) && e.Level == LogLevel.Error);
        Assert.Contains(server.Host, error.Message, StringComparison.Ordinal);
        Assert.Single(pipeline.Logs.Entries, e => e.Message.Contains("identifies as Elasticsearch again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHostThatIsNotElasticsearchIsTakenOutAndTheOthersGetTheEvents()
    {
        await using var good = await FakeElasticsearch.StartAsync();
        await using var impostor = await FakeElasticsearch.StartAsync();
        impostor.ProductHeader = null;
        await using var pipeline = new EsPipeline(EsPipeline.HostsOf(impostor, good), rootYaml: "setup.template.enabled: false", flushMinEvents: 5);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var published = await pipeline.PublishAsync(60);
        await Eventually.HoldsAsync(() => good.Sequences().Distinct().Count() == 60, "every event indexed on the real cluster");
        await pipeline.StopAsync(TimeSpan.FromSeconds(5));
        var elapsed = clock.Elapsed;

        good.AssertExactlyOnce(published);
        // Taken out for 1 s, then 2 s, 4 s... the impostor is tried again each time it comes back: a slow run (a loaded
        // machine) may see it more often, but never more than its comebacks allow.
        var comebacks = 0;
        for (double outFor = 1, back = 1; back < elapsed.TotalSeconds; outFor *= 2, back += outFor)
        {
            comebacks++;
        }

        Assert.InRange(impostor.BulkRequests.Count, 1, 3 + comebacks);
        Assert.True(good.BulkRequests.Count >= 10, $"only {good.BulkRequests.Count} batches reached the real cluster");
        Assert.Single(pipeline.Logs.Entries, e => e.Message.Contains("is not Elasticsearch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SetupRefusesAServerThatIsNotElasticsearch()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.ProductHeader = null;
        await using var es = EsOutput.For(server);

        var failure = await Assert.ThrowsAsync<ClusterException>(async () => await es.SendAsync(1));

        Assert.Contains("installing index template shipper-0.1.0", failure.Message, StringComparison.Ordinal);
        Assert.Contains("is not Elasticsearch", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.BulkRequests);
    }
}
