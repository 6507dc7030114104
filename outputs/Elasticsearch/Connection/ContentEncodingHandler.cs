using System.Net;

namespace Shipper.Outputs.Elasticsearch.Connection;

/// <summary>
/// Labels bulk bodies as gzip. The output compresses them itself, at the configured <c>compression_level</c>
/// (the transport's own compression has a fixed level), so only the header is left to add; responses are
/// accepted gzipped as well.
/// </summary>
internal sealed class ContentEncodingHandler : DelegatingHandler
{
    private readonly bool _gzipBulk;

    public ContentEncodingHandler(HttpMessageHandler inner, bool gzipBulk)
        : base(inner)
    {
        _gzipBulk = gzipBulk;
        if (inner is HttpClientHandler handler)
        {
            handler.AutomaticDecompression = DecompressionMethods.GZip;
        }
    }

    /// <summary>The request path every pre-compressed body is sent to.</summary>
    public static bool IsCompressedPath(Uri? uri) => uri is not null && uri.AbsolutePath.EndsWith("/_bulk", StringComparison.Ordinal);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_gzipBulk && request.Content is not null && IsCompressedPath(request.RequestUri))
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
