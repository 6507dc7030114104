using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace Shipper.Outputs.Elasticsearch.Tests.Server;

/// <summary>
/// An Elasticsearch-compatible HTTP server on 127.0.0.1 (Kestrel, a random port) that speaks what a real
/// cluster does on the wire: the <c>X-Elastic-Product</c> header, <c>GET /</c> info, <c>_bulk</c> with NDJSON
/// (gzipped or not) answered per item (201 created, 409 when a <c>create</c> hits an existing id, 400 for
/// documents it refuses), composable index templates, basic and API-key authentication, and injected faults:
/// whole-request statuses, per-item 429/503, 413 above a size, connection resets and slow answers, a server
/// that does not say it is Elasticsearch. It serves HTTPS when started with a <see cref="ServerTls"/>, and can
/// require a client certificate. Its documents survive <see cref="StopAsync"/>, so a test can take the
/// "cluster" down and bring it back.
/// </summary>
internal sealed class FakeElasticsearch : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Index, string Id), StoredDocument> _documents = [];
    private readonly List<StoredDocument> _order = [];
    private readonly ConcurrentQueue<BulkFault> _faults = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, JsonElement> _templates = new(StringComparer.Ordinal);
    private readonly ServerTls? _tls;
    private WebApplication? _app;
    private long _autoId;

    private FakeElasticsearch(ServerTls? tls)
    {
        _tls = tls;
    }

    public int Port { get; private set; }

    /// <summary><c>127.0.0.1:PORT</c> as a <c>hosts</c> entry, or <c>https://127.0.0.1:PORT</c> when serving HTTPS.</summary>
    public string Host => _tls is null ? $"127.0.0.1:{Port}" : $"https://127.0.0.1:{Port}";

    /// <summary>The value of <c>X-Elastic-Product</c>; null sends none (a server that is not Elasticsearch).</summary>
    public string? ProductHeader { get; set; } = "Elasticsearch";

    public string Version { get; set; } = "9.1.3";

    /// <summary>When set, requests must carry exactly this <c>Authorization</c> header value or get 401.</summary>
    public string? RequiredAuthorization { get; set; }

    /// <summary>When set, the server sits behind a proxy at this path (e.g. <c>/es</c>): requests must start with it, and it is stripped before routing.</summary>
    public string? PathPrefix { get; set; }

    /// <summary>When set, every bulk request is answered with this status (an error body) without indexing anything.</summary>
    public int? BulkStatus { get; set; }

    /// <summary>Bulk requests with more documents than this are answered 413 (http.max_content_length).</summary>
    public int? MaxDocumentsPerRequest { get; set; }

    /// <summary>Decides whether a document is refused with 400 and why (a mapping error).</summary>
    public Func<JsonElement, string?>? Refuse { get; set; }

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public IReadOnlyList<ReceivedRequest> BulkRequests => [.. _requests.Where(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal))];

    public IReadOnlyDictionary<string, JsonElement> Templates => _templates;

    /// <summary>Every document indexed, in order.</summary>
    public IReadOnlyList<StoredDocument> Documents
    {
        get
        {
            lock (_gate)
            {
                return [.. _order];
            }
        }
    }

    public static async Task<FakeElasticsearch> StartAsync(ServerTls? tls = null)
    {
        var server = new FakeElasticsearch(tls);
        await server.ListenAsync(0);
        return server;
    }

    /// <summary>Queues faults for the next bulk requests, one per request, in order.</summary>
    public void Enqueue(params BulkFault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    public int PendingFaults => _faults.Count;

    public IEnumerable<StoredDocument> In(string index) => Documents.Where(d => d.Index == index);

    /// <summary>Stops listening (connections are refused) but keeps the documents.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Listens again on the same port.</summary>
    public Task RestartAsync() => ListenAsync(Port);

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port, listen =>
            {
                if (_tls is { } tls)
                {
                    listen.UseHttps(https =>
                    {
                        https.ServerCertificate = tls.Certificate;
                        if (tls.RequireClientCertificate is { } check)
                        {
                            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                            https.ClientCertificateValidation = (certificate, _, _) => check(certificate);
                        }
                    });
                }
            });
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        Port = new Uri(app.Urls.First()).Port;
        _app = app;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (ProductHeader is not null)
        {
            context.Response.Headers["X-Elastic-Product"] = ProductHeader;
        }

        var (wire, body) = await ReadBodyAsync(context.Request);
        var path = context.Request.Path.Value ?? "/";
        if (PathPrefix is { } prefix)
        {
            if (!path.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                await ErrorAsync(context, 404, "proxy", $"{path} is not under {prefix}");
                return;
            }

            path = path[prefix.Length..];
        }

        var method = context.Request.Method;
        var isBulk = path.EndsWith("/_bulk", StringComparison.Ordinal);
        var lines = isBulk ? Lines(body) : [];
        Record(context, wire, body, lines);

        if (RequiredAuthorization is not null && context.Request.Headers.Authorization.ToString() != RequiredAuthorization)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"security\" charset=\"UTF-8\"";
            await ErrorAsync(context, 401, "security_exception", "unable to authenticate user [" + UserOf(context.Request) + "] for REST request [" + path + "]");
            return;
        }

        if (path == "/" && method is "GET" or "HEAD")
        {
            await InfoAsync(context);
        }
        else if (path.StartsWith("/_index_template/", StringComparison.Ordinal))
        {
            await TemplateAsync(context, path["/_index_template/".Length..], body);
        }
        else if (isBulk && method == "POST")
        {
            await BulkAsync(context, lines);
        }
        else
        {
            await ErrorAsync(context, 404, "resource_not_found_exception", $"no handler for {method} {path}");
        }
    }

    private async Task InfoAsync(HttpContext context)
    {
        if (context.Request.Method == "HEAD")
        {
            context.Response.StatusCode = 200;
            return;
        }

        await JsonAsync(context, 200, new
        {
            name = "node-1",
            cluster_name = "fake-cluster",
            cluster_uuid = "0000000000000000000000",
            version = new { number = Version, build_flavor = "default", lucene_version = "10.2.2", minimum_wire_compatibility_version = "8.19.0" },
            tagline = "You Know, for Search",
        });
    }

    private async Task TemplateAsync(HttpContext context, string name, byte[] body)
    {
        switch (context.Request.Method)
        {
            case "PUT":
                using (var doc = JsonDocument.Parse(body))
                {
                    _templates[name] = doc.RootElement.Clone();
                }

                await JsonAsync(context, 200, new { acknowledged = true });
                break;
            case "HEAD":
                context.Response.StatusCode = _templates.ContainsKey(name) ? 200 : 404;
                break;
            default:
                if (_templates.TryGetValue(name, out var template))
                {
                    await JsonAsync(context, 200, new { index_templates = new[] { new { name, index_template = template } } });
                }
                else
                {
                    await ErrorAsync(context, 404, "resource_not_found_exception", $"index template matching [{name}] not found");
                }

                break;
        }
    }

    private async Task BulkAsync(HttpContext context, List<string> lines)
    {
        if (BulkStatus is { } status)
        {
            await ErrorAsync(context, status, "unavailable_shards_exception", "injected failure of every bulk request");
            return;
        }

        _faults.TryDequeue(out var fault);
        switch (fault)
        {
            case BulkFault.WholeRequest whole:
                await ErrorAsync(context, whole.Status, whole.Status == 429 ? "es_rejected_execution_exception" : "unavailable_shards_exception", "injected failure");
                return;
            case BulkFault.Reset { AfterIndexing: false }:
                context.Abort();
                return;
        }

        if (lines.Count % 2 != 0)
        {
            await ErrorAsync(context, 400, "illegal_argument_exception", "The bulk request must be terminated by a newline [\\n]");
            return;
        }

        if (MaxDocumentsPerRequest is { } max && lines.Count / 2 > max)
        {
            context.Response.StatusCode = 413;
            return;
        }

        var items = new List<object>();
        var errors = false;
        for (var k = 0; k < lines.Count / 2; k++)
        {
            var item = Index(lines[2 * k], lines[(2 * k) + 1], k + 1, fault);
            errors |= item.Status >= 300;
            items.Add(new Dictionary<string, object> { ["create"] = item.ToJson() });
        }

        switch (fault)
        {
            case BulkFault.Reset:
                context.Abort();
                return;
            case BulkFault.Slow slow:
                await Task.Delay(slow.Delay);
                break;
            case BulkFault.WithoutProductHeader:
                context.Response.Headers.Remove("X-Elastic-Product");
                break;
        }

        await JsonAsync(context, 200, new { errors, took = 3, items });
    }

    private ItemResult Index(string actionLine, string sourceLine, int position, BulkFault? fault)
    {
        using var action = JsonDocument.Parse(actionLine);
        if (!action.RootElement.TryGetProperty("create", out var create))
        {
            return new ItemResult("?", "?", 400, "illegal_argument_exception", "only create actions are expected from the shipper");
        }

        var index = create.GetProperty("_index").GetString()!;
        var id = create.TryGetProperty("_id", out var idElement) ? idElement.GetString()! : "auto-" + Interlocked.Increment(ref _autoId);
        var pipeline = create.TryGetProperty("pipeline", out var p) ? p.GetString() : null;
        switch (fault)
        {
            case BulkFault.ItemsTooMany many when position % many.Every == 0:
                return new ItemResult(index, id, 429, "es_rejected_execution_exception", "rejected execution of coordinating operation");
            case BulkFault.ItemsUnavailable unavailable when position % unavailable.Every == 0:
                return new ItemResult(index, id, 503, "unavailable_shards_exception", "primary shard is not active");
        }

        using var source = JsonDocument.Parse(sourceLine);
        if (Refuse?.Invoke(source.RootElement) is { } reason)
        {
            return new ItemResult(index, id, 400, "document_parsing_exception", reason);
        }

        lock (_gate)
        {
            if (_documents.ContainsKey((index, id)))
            {
                return new ItemResult(index, id, 409, "version_conflict_engine_exception", $"[{id}]: version conflict, document already exists (current version [1])");
            }

            var stored = new StoredDocument(index, id, source.RootElement.Clone(), pipeline);
            _documents[(index, id)] = stored;
            _order.Add(stored);
        }

        return new ItemResult(index, id, 201, null, null);
    }

    private void Record(HttpContext context, int wire, byte[] body, List<string> lines)
    {
        var request = context.Request;
        var ids = new List<string>();
        for (var k = 0; k + 1 < lines.Count; k += 2)
        {
            using var action = JsonDocument.Parse(lines[k]);
            if (action.RootElement.TryGetProperty("create", out var create) && create.TryGetProperty("_id", out var id))
            {
                ids.Add(id.GetString()!);
            }
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new ReceivedRequest(
            request.Method,
            request.Path.Value ?? "/",
            request.ContentType,
            request.Headers.ContentEncoding.ToString() is { Length: > 0 } e ? e : null,
            request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null,
            headers,
            wire,
            body.Length,
            lines.Count / 2,
            ids,
            context.Connection.ClientCertificate?.Subject));
    }

    private static async Task<(int Wire, byte[] Body)> ReadBodyAsync(HttpRequest request)
    {
        using var raw = new MemoryStream();
        await request.Body.CopyToAsync(raw);
        var wire = raw.ToArray();
        if (!request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            return (wire.Length, wire);
        }

        using var gzip = new GZipStream(new MemoryStream(wire), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);
        return (wire.Length, plain.ToArray());
    }

    private static List<string> Lines(byte[] body) =>
        [.. Encoding.UTF8.GetString(body).Split('\n').Where(l => l.Length > 0)];

    private static string UserOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return "_anonymous";
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..]));
        return decoded.Split(':', 2)[0];
    }

    private static Task ErrorAsync(HttpContext context, int status, string type, string reason) =>
        JsonAsync(context, status, new { error = new { root_cause = new[] { new { type, reason } }, type, reason }, status });

    private static async Task JsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private sealed record ItemResult(string Index, string Id, int Status, string? ErrorType, string? Reason)
    {
        public Dictionary<string, object?> ToJson()
        {
            var json = new Dictionary<string, object?> { ["_index"] = Index, ["_id"] = Id, ["status"] = Status };
            if (ErrorType is null)
            {
                json["_version"] = 1;
                json["result"] = "created";
            }
            else
            {
                json["error"] = new { type = ErrorType, reason = Reason, index = Index };
            }

            return json;
        }
    }
}
