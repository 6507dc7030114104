using System.Collections.Specialized;
using System.Text;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Microsoft.Extensions.Logging;
using Shipper.Outputs.Elasticsearch.Options;

namespace Shipper.Outputs.Elasticsearch.Connection;

/// <summary>
/// The connection to the cluster: an <see cref="ElasticsearchClient"/> whose transport load-balances over the
/// hosts (round robin; a host that fails is taken out and retried later, with a growing dead time). Every
/// successful answer must carry <c>X-Elastic-Product: Elasticsearch</c>, as Elastic's clients demand: one that
/// does not is turned into a failure without an answer (so the events are retried, not acknowledged), its host
/// is taken out like a host that failed, and it is logged once per host. Requests go through the transport as raw bytes so bulk bodies are
/// written once, by the output. The transport does not retry a request on another host more than once per
/// host and never retries an answered request: retrying is the pipeline's job. Thread-safe.
/// </summary>
internal sealed class ClusterClient : IDisposable
{
    private const string ProductHeader = "X-Elastic-Product";
    private const string BulkPath = "_bulk?filter_path=errors,items.*.error,items.*.status";
    private readonly ElasticsearchClient _client;
    private readonly ElasticsearchClientSettings _settings;
    private readonly RequestConfiguration _bulkRequest;
    private readonly RequestConfiguration _jsonRequest;
    private readonly TlsSettings _tls;
    private readonly ProductCheckLog _productLog;
    private readonly NodePool _pool;
    private readonly bool _clientCertificateHint;

    /// <param name="options">Validated options.</param>
    /// <param name="nodes">The hosts to use instead of <c>hosts</c> (to test them one by one).</param>
    /// <param name="logger">Where a host that is not Elasticsearch is reported; null for none.</param>
    public ClusterClient(ElasticsearchOutputOptions options, IReadOnlyList<Uri>? nodes = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Nodes = nodes ?? [.. options.Hosts.Select(h => HostAddress.TryParse(h, options.DefaultProtocol, options.Path, out var uri, out _) ? uri : throw new InvalidOperationException("hosts were not validated"))];
        NodePool pool = Nodes.Count == 1 ? new SingleNodePool(Nodes[0]) : new StaticNodePool(Nodes, randomize: false);
        _pool = pool;
        var gzip = options.CompressionLevel > 0;
        var invoker = new HttpRequestInvoker((inner, _) => new ContentEncodingHandler(inner, gzip));
        _settings = new ElasticsearchClientSettings(pool, invoker);
        _tls = new TlsSettings(options.Ssl);
        _productLog = new ProductCheckLog(logger);
        _clientCertificateHint = options.Ssl.Certificate is null && Nodes.Any(n => n.Scheme == Uri.UriSchemeHttps);
        Configure(_settings, options, Nodes, _tls);
        _client = new ElasticsearchClient(_settings);
        _bulkRequest = new RequestConfiguration { ContentType = "application/x-ndjson", Accept = "application/json", ResponseHeadersToParse = new HeadersList(ProductHeader) };
        _jsonRequest = new RequestConfiguration { ContentType = "application/json", Accept = "application/json", ParseAllHeaders = true };
    }

    /// <summary>The node URIs, in configuration order.</summary>
    public IReadOnlyList<Uri> Nodes { get; }

    /// <summary>Sends a bulk body (already gzipped when compression is on).</summary>
    public Task<ClusterResponse> BulkAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        SendAsync(Elastic.Transport.HttpMethod.POST, BulkPath, PostData.ReadOnlyMemory(body), _bulkRequest, cancellationToken);

    /// <summary>A JSON request (cluster info, templates).</summary>
    public Task<ClusterResponse> JsonAsync(Elastic.Transport.HttpMethod method, string path, string? json, CancellationToken cancellationToken) =>
        SendAsync(method, path, json is null ? null : PostData.String(json), _jsonRequest, cancellationToken);

    public void Dispose() => ((IDisposable)_settings).Dispose();

    private async Task<ClusterResponse> SendAsync(Elastic.Transport.HttpMethod method, string path, PostData? body, RequestConfiguration request, CancellationToken cancellationToken)
    {
        BytesResponse response;
        try
        {
            response = await _client.Transport.RequestAsync<BytesResponse>(new EndpointPath(method, path), body, null, request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ClusterResponse(null, [], Describe(ex), Empty);
        }

        var details = response.ApiCallDetails;
        if (details.HttpStatusCode is not { } status)
        {
            return new ClusterResponse(null, [], Describe(details.OriginalException) ?? "no response", Empty);
        }

        var headers = Headers(details);
        if (status is >= 200 and < 300 && details.Uri is { } uri)
        {
            var host = uri.GetLeftPart(UriPartial.Authority);
            if (!headers.TryGetValue(ProductHeader, out var product) || product != "Elasticsearch")
            {
                var reason = $"{host} is not Elasticsearch: it answered {method} /{path.Split('?')[0]} with HTTP {status} but without the '{ProductHeader}: Elasticsearch' header"
                    + (product is null ? string.Empty : $" (it says '{product}')");
                TakeOut(uri);
                _productLog.Refused(host, reason);
                return new ClusterResponse(null, [], reason, headers) { NotElasticsearch = true };
            }

            _productLog.Confirmed(host);
        }

        return new ClusterResponse(status, response.Body ?? [], null, headers);
    }

    /// <summary>Takes the host out of rotation like one that failed: for 1s, doubling with each failure up to 60s.</summary>
    private void TakeOut(Uri uri)
    {
        foreach (var node in _pool.Nodes)
        {
            if (Uri.Compare(node.Uri, uri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var seconds = Math.Min(60, Math.Pow(2, Math.Min(node.FailedAttempts, 6)));
                node.MarkDead(DateTimeOffset.UtcNow.AddSeconds(seconds));
            }
        }
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static Dictionary<string, string> Headers(ApiCallDetails details)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { ProductHeader, "Content-Type" })
        {
            if (details.TryGetHeader(name, out var values))
            {
                headers[name] = string.Join(",", values);
            }
        }

        return headers;
    }

    /// <summary>
    /// The innermost useful message of a transport failure. Transport messages can embed the request's debug
    /// information (never credentials: those are headers, and hosts cannot carry user info), so only the
    /// exception chain's own messages are kept.
    /// </summary>
    private string? Describe(Exception? ex)
    {
        if (ex is null)
        {
            return null;
        }

        var messages = new List<string>();
        if (Find<System.Security.Authentication.AuthenticationException>(ex) is not null && _tls.LastFailure is { } tls)
        {
            return "TLS handshake failed: " + tls;
        }

        for (var e = ex; e is not null && messages.Count < 4; e = e.InnerException)
        {
            var first = e.Message.Split('\n', 2)[0].Trim();
            if (first.Length > 0 && !messages.Contains(first))
            {
                messages.Add(first);
            }
        }

        var text = string.Join(": ", messages);

        // A server that requires a client certificate closes a TLS 1.3 connection without one after the handshake.
        if (_clientCertificateHint && (text.Contains("ResponseEnded", StringComparison.Ordinal) || Find<System.Security.Authentication.AuthenticationException>(ex) is not null))
        {
            text += " (if the cluster requires a client certificate, set ssl.certificate and ssl.key)";
        }

        return text;
    }

    private static T? Find<T>(Exception ex)
        where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static void Configure(ElasticsearchClientSettings settings, ElasticsearchOutputOptions options, IReadOnlyList<Uri> nodes, TlsSettings tls)
    {
        settings.RequestTimeout(options.Timeout);
        settings.PingTimeout(TimeSpan.FromTicks(Math.Min(options.Timeout.Ticks, TimeSpan.FromSeconds(5).Ticks)));
        settings.DeadTimeout(TimeSpan.FromSeconds(1));
        settings.MaxDeadTimeout(TimeSpan.FromSeconds(60));
        settings.MaximumRetries(Math.Max(0, nodes.Count - 1));
        settings.ThrowExceptions(false);

        // The client gzips every body by default, at a level of its own; bulk bodies come compressed already.
        settings.EnableHttpCompression(false);
        settings.DisableDirectStreaming(false);
        settings.ConnectionLimit(-1);
        if (options.Username is not null)
        {
            settings.Authentication(new BasicAuthentication(options.Username, options.Password ?? string.Empty));
        }
        else if (options.ApiKey is { } apiKey)
        {
            var colon = apiKey.IndexOf(':', StringComparison.Ordinal);
            settings.Authentication(colon > 0 ? new Base64ApiKey(apiKey[..colon], apiKey[(colon + 1)..]) : new ApiKey(apiKey));
        }

        if (options.Headers.Count > 0)
        {
            var headers = new NameValueCollection();
            foreach (var (name, value) in options.Headers)
            {
                headers[name] = value;
            }

            settings.GlobalHeaders(headers);
        }

        settings.ServerCertificateValidationCallback(tls.Validate);
        if (tls.LoadClientCertificate() is { } certificate)
        {
            settings.ClientCertificate(certificate);
        }
    }

    /// <summary>UTF-8 text of a response body, for messages.</summary>
    public static string Text(byte[] body) => Encoding.UTF8.GetString(body);
}
