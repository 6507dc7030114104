using Shipper.Outputs.Elasticsearch.Connection;
using Shipper.Outputs.Elasticsearch.Tests.Server;
using Shipper.Outputs.Elasticsearch.Tests.Support;

namespace Shipper.Outputs.Elasticsearch.Tests;

/// <summary>Each item of a bulk response becomes the matching outcome of its event.</summary>
public sealed class BulkOutcomeTests
{
    [Fact]
    public async Task EachItemStatusBecomesTheEventsOutcome()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.Refuse = doc => doc.TryGetProperty("bad", out _) ? "failed to parse field [bad]" : null;
        await using var es = EsOutput.For(server, "    assign_ids: true");
        var existing = await es.SendAsync(1);
        Assert.Equal(EventOutcome.Acknowledged, existing.OutcomeOf(0));

        server.Enqueue(new BulkFault.ItemsUnavailable(4));
        var batch = EsOutput.Batch(4, (n, e) =>
        {
            if (n == 1)
            {
                e.Metadata["_id"] = existing[0].Metadata["_id"];
            }

            if (n == 2)
            {
                e.Fields["bad"] = true;
            }
        });
        await es.Output.SendAsync(batch, CancellationToken.None);

        Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(0));
        Assert.Equal(EventOutcome.Duplicate, batch.OutcomeOf(1));
        Assert.Equal(EventOutcome.Dropped, batch.OutcomeOf(2));
        Assert.Contains("document_parsing_exception: failed to parse field [bad]", batch.ReasonOf(2), StringComparison.Ordinal);
        Assert.Contains("shipper-0.1.0-2026.03.04", batch.ReasonOf(2), StringComparison.Ordinal);
        Assert.Equal(EventOutcome.Retry, batch.OutcomeOf(3));
        Assert.Contains("HTTP 503", batch.ReasonOf(3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverloadedItemsAreMarkedTooManyForTheBackoff()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.Enqueue(new BulkFault.ItemsTooMany(2));
        await using var es = EsOutput.For(server);

        var batch = await es.SendAsync(4);

        Assert.Equal([EventOutcome.Acknowledged, EventOutcome.TooMany, EventOutcome.Acknowledged, EventOutcome.TooMany], Enumerable.Range(0, 4).Select(batch.OutcomeOf));
    }

    [Fact]
    public async Task ARequestTooLargeIsSplitInHalvesUntilItFits()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.MaxDocumentsPerRequest = 3;
        await using var es = EsOutput.For(server);

        var batch = await es.SendAsync(10);

        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(i)));
        Assert.Equal(Enumerable.Range(0, 10), server.Sequences().Order());
        Assert.All(server.BulkRequests.Where(r => r.Documents <= 3), r => Assert.True(r.Documents > 0));
        Assert.Equal(10, server.BulkRequests.Where(r => r.Documents <= 3).Sum(r => r.Documents));
    }

    [Fact]
    public async Task ASingleDocumentTooLargeForTheClusterIsDropped()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.MaxDocumentsPerRequest = 0;
        await using var es = EsOutput.For(server);

        var batch = await es.SendAsync(2);

        Assert.Equal(EventOutcome.Dropped, batch.OutcomeOf(0));
        Assert.Contains("HTTP 413", batch.ReasonOf(0), StringComparison.Ordinal);
        Assert.Equal(EventOutcome.Dropped, batch.OutcomeOf(1));
    }

    [Fact]
    public async Task AnUnreachableClusterFailsTheWholeCallWithTheReason()
    {
        var server = await FakeElasticsearch.StartAsync();
        await server.StopAsync();
        await using var es = EsOutput.For(server, root: "setup.template.enabled: false");

        var batch = EsOutput.Batch(3);
        var error = await Assert.ThrowsAsync<ClusterException>(() => es.Output.SendAsync(batch, CancellationToken.None).AsTask());

        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(EventOutcome.Pending, batch.OutcomeOf(i)));
        Assert.True(es.Metrics.WriteErrors > 0);
    }

    [Fact]
    public async Task AWholeRequestFailureLeavesEveryEventForRetryWithTheClustersReason()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.Enqueue(new BulkFault.WholeRequest(503));
        await using var es = EsOutput.For(server);

        var batch = await es.SendAsync(3);

        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(EventOutcome.Retry, batch.OutcomeOf(i)));
        Assert.Contains("HTTP 503", batch.ReasonOf(0), StringComparison.Ordinal);
        Assert.Contains("unavailable_shards_exception", batch.ReasonOf(0), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEventKeepsItsIdAcrossAttemptsSoARetryCannotIndexItTwice()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.Enqueue(new BulkFault.Reset(AfterIndexing: true));
        await using var es = EsOutput.For(server);
        var batch = EsOutput.Batch(2);

        await Assert.ThrowsAsync<ClusterException>(() => es.Output.SendAsync(batch, CancellationToken.None).AsTask());
        var retry = new OutputBatch(batch.Events);
        await es.Output.SendAsync(retry, CancellationToken.None);

        Assert.Equal([EventOutcome.Duplicate, EventOutcome.Duplicate], [retry.OutcomeOf(0), retry.OutcomeOf(1)]);
        Assert.Equal(2, server.Documents.Count);
    }

    [Fact]
    public async Task WithoutAssignedIdsTheClusterChoosesThem()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using var es = EsOutput.For(server, "    assign_ids: false");

        await es.SendAsync(2);

        Assert.All(server.Documents, d => Assert.StartsWith("auto-", d.Id, StringComparison.Ordinal));
    }
}
