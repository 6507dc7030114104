using Microsoft.Extensions.Logging;
using Shipper.Events;
using Shipper.Monitoring;
using Shipper.Outputs.Elasticsearch.Bulk;
using Shipper.Outputs.Elasticsearch.Connection;
using Shipper.Outputs.Elasticsearch.Options;
using Shipper.Outputs.Elasticsearch.Routing;
using Shipper.Outputs.Elasticsearch.Template;

namespace Shipper.Outputs.Elasticsearch;

/// <summary>
/// Sends batches as bulk <c>create</c> requests and reports each event's fate from its item in the response:
/// 2xx acknowledged, 409 duplicate, 429 too many (retried with backoff by the pipeline), 5xx retried, any other
/// 4xx refused for good (logged, optionally written to a dead-letter index, dropped). HTTP 413 splits the request
/// in halves. When no answer comes (connection refused or reset, timeout) or the whole request fails, the events
/// are left to the pipeline's retry with backoff. Safe for <see cref="Workers"/> concurrent calls.
/// </summary>
internal sealed class ElasticsearchOutput : IOutput
{
    private readonly ElasticsearchOutputOptions _options;
    private readonly ClusterClient _client;
    private readonly IndexSelector _selector;
    private readonly FormatString? _deadLetterIndex;
    private readonly IndexTemplate? _template;
    private readonly bool _overwriteTemplate;
    private readonly IOutputMetrics _metrics;
    private readonly ILogger _logger;
    private readonly BulkBodyPool _bodies;
    private readonly RefusalLog _refusals;
    private readonly SemaphoreSlim _setup = new(1, 1);
    private volatile bool _setupDone;

    internal ElasticsearchOutput(ElasticsearchOutputOptions options, ClusterClient client, IndexSelector selector, IndexTemplate? template, bool overwriteTemplate, IOutputMetrics metrics, ILogger logger, TimeProvider? time = null)
    {
        _options = options;
        _client = client;
        _selector = selector;
        _deadLetterIndex = options.NonIndexablePolicy.DeadLetterIndex?.Index is { } dli ? FormatString.Parse(dli) : null;
        _template = template;
        _overwriteTemplate = overwriteTemplate;
        _metrics = metrics;
        _logger = logger;
        _bodies = new BulkBodyPool(options.CompressionLevel);
        _refusals = new RefusalLog(logger, time ?? TimeProvider.System);
        _setupDone = template is null;
    }

    /// <inheritdoc />
    public int Workers => _options.WorkersPerHost * _client.Nodes.Count;

    /// <inheritdoc />
    public int MaxBatchSize => _options.BulkMaxSize;

    /// <inheritdoc />
    public int MaxRetries => _options.MaxRetries;

    /// <inheritdoc />
    public async ValueTask SendAsync(OutputBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var pending = new List<int>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch.OutcomeOf(i) == EventOutcome.Pending)
            {
                pending.Add(i);
            }
        }

        var body = _bodies.Rent();
        try
        {
            await SendAsync(batch, pending, body, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _bodies.Return(body);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> TestAsync(TextWriter report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ok = true;
        foreach (var node in _client.Nodes)
        {
            using var single = new ClusterClient(_options, [node]);
            ok &= await ClusterProbe.RunAsync(single, node, _options.Ssl, report, cancellationToken).ConfigureAwait(false);
        }

        return ok;
    }

    /// <summary>Installs the index template (for <c>shipper setup --index-management</c>), whatever <c>setup.template.enabled</c> says.</summary>
    internal Task<string> InstallTemplateAsync(IndexTemplate template, bool overwrite, CancellationToken cancellationToken) =>
        TemplateInstaller.InstallAsync(_client, template, overwrite, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        _bodies.Dispose();
        _setup.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task EnsureSetupAsync(CancellationToken cancellationToken)
    {
        if (_setupDone)
        {
            return;
        }

        await _setup.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_setupDone)
            {
                var done = await TemplateInstaller.InstallAsync(_client, _template!, _overwriteTemplate, cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("Elasticsearch: {Result}", done);
                _setupDone = true;
            }
        }
        finally
        {
            _setup.Release();
        }
    }

    private async Task SendAsync(OutputBatch batch, IReadOnlyList<int> slots, BulkBody body, CancellationToken cancellationToken)
    {
        body.Reset();
        var indices = new Dictionary<int, string>(slots.Count);
        foreach (var slot in slots)
        {
            var e = batch[slot];
            if (!_selector.TrySelectIndex(e, out var index, out var error)
                || !body.TryAppend(slot, e, index, IdOf(e), _selector.SelectPipeline(e), out error))
            {
                batch.Drop(slot, error ?? "cannot encode event");
                continue;
            }

            indices[slot] = index;
        }

        if (body.Count == 0)
        {
            return;
        }

        var items = body.Slots.ToArray();
        var response = await PostAsync(body, cancellationToken).ConfigureAwait(false);
        if (!response.Answered)
        {
            FailUnanswered(batch, items, response.NotElasticsearch ? response.Failure! : "Elasticsearch did not answer: " + response.Failure);
            return;
        }

        switch (response.Status)
        {
            case >= 200 and < 300:
                await ApplyItemsAsync(batch, items, indices, response, body, cancellationToken).ConfigureAwait(false);
                break;
            case 413 when items.Length == 1:
                batch.Drop(items[0], $"the document is larger than the cluster accepts (HTTP 413, http.max_content_length) for index {indices[items[0]]}");
                break;
            case 413:
                var half = items.Length / 2;
                _logger.LogDebug("Elasticsearch: request of {Count} events too large (HTTP 413); sending it in halves", items.Length);
                await SendAsync(batch, items[..half], body, cancellationToken).ConfigureAwait(false);
                await SendAsync(batch, items[half..], body, cancellationToken).ConfigureAwait(false);
                break;
            case 429:
                MarkAll(batch, items, EventOutcome.TooMany, "Elasticsearch is overloaded (HTTP 429)" + Reason(response));
                break;
            default:
                _metrics.WriteError();
                MarkAll(batch, items, EventOutcome.Retry, $"bulk request failed with HTTP {response.Status}{Reason(response)}");
                break;
        }
    }

    private async Task<ClusterResponse> PostAsync(BulkBody body, CancellationToken cancellationToken)
    {
        var payload = body.Seal();
        _metrics.AddWriteBytes(payload.Length);
        var response = await _client.BulkAsync(payload, cancellationToken).ConfigureAwait(false);
        _metrics.AddReadBytes(response.Body.Length);
        return response;
    }

    private async Task ApplyItemsAsync(OutputBatch batch, int[] items, Dictionary<int, string> indices, ClusterResponse response, BulkBody body, CancellationToken cancellationToken)
    {
        var results = new List<BulkItemResult>(items.Length);
        if (!BulkResponseReader.TryRead(response.Body, results) || results.Count != items.Length)
        {
            _metrics.ReadError();
            MarkAll(batch, items, EventOutcome.Retry, $"bulk response had {results.Count} items for {items.Length} documents");
            return;
        }

        List<(int Slot, BulkItemResult Result)>? refused = null;
        for (var k = 0; k < items.Length; k++)
        {
            var slot = items[k];
            var result = results[k];
            switch (result.Status)
            {
                case >= 200 and < 300: batch.Acknowledge(slot); break;
                case 409: batch.Duplicate(slot); break;
                case 429: batch.TooMany(slot, "Elasticsearch is overloaded: " + result.Describe()); break;
                case >= 400 and < 500:
                    _refusals.Refused(indices[slot], result);
                    (refused ??= []).Add((slot, result));
                    break;
                default: batch.Retry(slot, "Elasticsearch could not index the event: " + result.Describe()); break;
            }
        }

        if (refused is null)
        {
            return;
        }

        if (_deadLetterIndex is null)
        {
            foreach (var (slot, result) in refused)
            {
                batch.Drop(slot, $"Elasticsearch refused the event for index {indices[slot]}: {result.Describe()}");
            }

            return;
        }

        await DeadLetterAsync(batch, refused, indices, body, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeadLetterAsync(OutputBatch batch, List<(int Slot, BulkItemResult Result)> refused, Dictionary<int, string> indices, BulkBody body, CancellationToken cancellationToken)
    {
        body.Reset();
        var target = new Dictionary<int, string>(refused.Count);
        foreach (var (slot, result) in refused)
        {
            var e = batch[slot];
            var index = _deadLetterIndex!.TryRender(e, out var rendered, out _) ? rendered.ToLowerInvariant() : _deadLetterIndex.Text.ToLowerInvariant();
            target[slot] = index;
            body.AppendDeadLetter(slot, e, index, IdOf(e), result.Status, result.ErrorType is null ? result.Describe() : $"{result.ErrorType}: {result.ErrorReason}");
        }

        var response = await PostAsync(body, cancellationToken).ConfigureAwait(false);
        var results = new List<BulkItemResult>(refused.Count);
        if (!response.IsSuccess || !BulkResponseReader.TryRead(response.Body, results) || results.Count != refused.Count)
        {
            var why = response.Answered ? $"HTTP {response.Status}{Reason(response)}" : response.Failure;
            foreach (var (slot, result) in refused)
            {
                batch.Retry(slot, $"refused for index {indices[slot]} ({result.Describe()}) and the dead-letter index could not be written: {why}");
            }

            return;
        }

        for (var k = 0; k < refused.Count; k++)
        {
            var (slot, original) = refused[k];
            var written = results[k];
            var refusal = $"Elasticsearch refused the event for index {indices[slot]}: {original.Describe()}";
            switch (written.Status)
            {
                case (>= 200 and < 300) or 409: batch.Drop(slot, $"{refusal}; written to dead-letter index {target[slot]}"); break;
                case 429 or >= 500: batch.Retry(slot, $"{refusal}; dead-letter index {target[slot]} busy: {written.Describe()}"); break;
                default: batch.Drop(slot, $"{refusal}; dead-letter index {target[slot]} refused it too: {written.Describe()}"); break;
            }
        }
    }

    /// <summary>
    /// No answer: when nothing of the batch is settled yet the whole call fails, so the pipeline retries it with
    /// backoff and logs why; after a 413 split settled part of it, only the rest is marked for retry.
    /// </summary>
    private void FailUnanswered(OutputBatch batch, int[] items, string reason)
    {
        _metrics.WriteError();
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch.OutcomeOf(i) != EventOutcome.Pending)
            {
                MarkAll(batch, items, EventOutcome.Retry, reason);
                return;
            }
        }

        throw new ClusterException(reason);
    }

    private string? IdOf(Event e)
    {
        if (e.Metadata.GetValueOrDefault("_id") is string id && id.Length > 0)
        {
            return id;
        }

        if (!_options.AssignIds)
        {
            return null;
        }

        // Kept on the event, so every retry of it carries the same id and a lost response cannot double it.
        id = BulkBody.NewId();
        e.Metadata["_id"] = id;
        return id;
    }

    private static void MarkAll(OutputBatch batch, int[] items, EventOutcome outcome, string reason)
    {
        foreach (var slot in items)
        {
            if (outcome == EventOutcome.TooMany)
            {
                batch.TooMany(slot, reason);
            }
            else
            {
                batch.Retry(slot, reason);
            }
        }
    }

    private static string Reason(ClusterResponse response) =>
        BulkResponseReader.ErrorReason(response.Body) is { } reason ? ": " + reason : string.Empty;
}
