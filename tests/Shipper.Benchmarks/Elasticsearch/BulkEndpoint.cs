using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shipper.Benchmarks.Elasticsearch;

/// <summary>
/// The local endpoint of the end-to-end harness, run in its own process so its CPU is not the shipper's: answers
/// <c>HEAD/GET /</c> and <c>_index_template</c> like Elasticsearch and every bulk item with 201, after
/// decompressing and counting the NDJSON lines (what a cluster must at least do).
/// </summary>
internal static class BulkEndpoint
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        Console.WriteLine("listening");
        await Task.Delay(Timeout.Infinite);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
        context.Response.ContentType = "application/json";
        var path = context.Request.Path.Value ?? "/";
        if (!path.EndsWith("/_bulk", StringComparison.Ordinal))
        {
            context.Response.StatusCode = context.Request.Method == "HEAD" && path.StartsWith("/_index_template", StringComparison.Ordinal) ? 404 : 200;
            await context.Response.WriteAsync(path == "/" ? """{"cluster_name":"bench","version":{"number":"9.1.3"}}""" : """{"acknowledged":true}""");
            return;
        }

        Stream body = context.Request.Body;
        if (context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.Ordinal))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        var lines = 0;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        var response = new StringBuilder("{\"errors\":false,\"items\":[", 32 + (lines * 16));
        for (var i = 0; i < lines / 2; i++)
        {
            response.Append(i == 0 ? "{\"create\":{\"status\":201}}" : ",{\"create\":{\"status\":201}}");
        }

        response.Append("]}");
        await context.Response.WriteAsync(response.ToString());
    }
}
