using Shipper.Outputs.Elasticsearch.Tests.Server;
using Shipper.Outputs.Elasticsearch.Tests.Support;
using Shipper.Testing;

namespace Shipper.Outputs.Elasticsearch.Tests;

/// <summary>
/// <c>max_retries</c>: when set, an event the cluster keeps failing is sent <c>max_retries + 1</c> times, then
/// dropped, counted and logged; unset (the default, unlike Beats' 3) it is retried until the cluster recovers.
/// </summary>
public sealed class MaxRetriesTests
{
    [Fact]
    public async Task WithMaxRetriesTwoEachEventIsTriedThreeTimesThenCountedDropped()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.BulkStatus = 503;
        await using var pipeline = new EsPipeline(EsPipeline.HostsOf(server), "    max_retries: 2");

        await pipeline.PublishAsync(10);
        await Eventually.HoldsAsync(() => pipeline.Counter("libbeat.output.events.dropped") == 10, "every event dropped after its retries");
        var stop = await pipeline.StopAsync(TimeSpan.FromSeconds(5));

        var tries = server.BulkRequests.SelectMany(r => r.Ids).GroupBy(id => id).ToList();
        Assert.Equal(10, tries.Count);
        Assert.All(tries, t => Assert.Equal(3, t.Count()));
        Assert.Empty(server.Documents);
        Assert.Equal(0, stop.Abandoned);
        var warning = Assert.Single(pipeline.Logs.Entries, e => e.Message.Contains("gave up", StringComparison.Ordinal));
        Assert.Contains("after 3 attempts (max_retries: 2)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsetEventsAreRetriedUntilTheClusterRecoversAndThenDelivered()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.BulkStatus = 503;
        await using var pipeline = new EsPipeline(EsPipeline.HostsOf(server));

        var published = await pipeline.PublishAsync(10);
        await Eventually.HoldsAsync(() => server.BulkRequests.Count >= 6, "more attempts than Beats' default of 3 retries");
        server.BulkStatus = null;
        await Eventually.HoldsAsync(() => server.Sequences().Count == 10, "events delivered once the cluster recovered");
        await pipeline.StopAsync(TimeSpan.FromSeconds(5));

        server.AssertExactlyOnce(published);
        Assert.Equal(0, pipeline.Counter("libbeat.output.events.dropped"));
        Assert.Equal(-1, pipeline.Output.MaxRetries);
    }

    [Fact]
    public async Task ANegativeValueAlsoRetriesUntilDelivered()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.BulkStatus = 503;
        await using var pipeline = new EsPipeline(EsPipeline.HostsOf(server), "    max_retries: -5");

        var published = await pipeline.PublishAsync(5);
        await Eventually.HoldsAsync(() => server.BulkRequests.Count >= 6, "several failed attempts");
        server.BulkStatus = null;
        await Eventually.HoldsAsync(() => server.Sequences().Count == 5, "events delivered once the cluster recovered");
        await pipeline.StopAsync(TimeSpan.FromSeconds(5));

        server.AssertExactlyOnce(published);
        Assert.Equal(0, pipeline.Counter("libbeat.output.events.dropped"));
    }
}
