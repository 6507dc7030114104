using System.Text.Json;

namespace Shipper.Outputs.Elasticsearch.Connection;

/// <summary>
/// <c>shipper test output</c> for one host: connects, checks that the answer comes from Elasticsearch (the
/// <c>X-Elastic-Product</c> header) and reports the cluster's name and version.
/// </summary>
internal static class ClusterProbe
{
    public static async Task<bool> RunAsync(ClusterClient client, Uri node, Options.SslOptions ssl, TextWriter report, CancellationToken cancellationToken)
    {
        await report.WriteLineAsync($"elasticsearch: {node}").ConfigureAwait(false);
        var response = await client.JsonAsync(Elastic.Transport.HttpMethod.GET, string.Empty, null, cancellationToken).ConfigureAwait(false);
        if (response.NotElasticsearch)
        {
            await report.WriteLineAsync("  connection... OK").ConfigureAwait(false);
            await report.WriteLineAsync($"  product... ERROR {response.Failure}").ConfigureAwait(false);
            return false;
        }

        if (!response.Answered)
        {
            await report.WriteLineAsync($"  connection... ERROR {response.Failure}").ConfigureAwait(false);
            return false;
        }

        await report.WriteLineAsync("  connection... OK").ConfigureAwait(false);
        if (node.Scheme == Uri.UriSchemeHttps)
        {
            var mode = ssl.Enabled ? ssl.VerificationMode : "full";
            await report.WriteLineAsync(mode switch
            {
                "none" => "  TLS... WARN the server's certificate is not verified (ssl.verification_mode: none)",
                "certificate" => "  TLS... OK (certificate chain verified; host name not checked: ssl.verification_mode: certificate)",
                _ => "  TLS... OK (certificate chain and host name verified)",
            }).ConfigureAwait(false);
        }

        if (!response.IsSuccess)
        {
            await report.WriteLineAsync($"  talk to server... ERROR {ClusterException.From("GET /", response).Message}").ConfigureAwait(false);
            return false;
        }

        var (name, version) = Describe(response.Body);
        await report.WriteLineAsync($"  product... OK (cluster '{name}')").ConfigureAwait(false);
        await report.WriteLineAsync($"  version: {version}").ConfigureAwait(false);
        return true;
    }

    private static (string Name, string Version) Describe(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var name = root.TryGetProperty("cluster_name", out var n) ? n.GetString() : null;
            var version = root.TryGetProperty("version", out var v) && v.TryGetProperty("number", out var number) ? number.GetString() : null;
            return (name ?? "unknown", version ?? "unknown");
        }
        catch (JsonException)
        {
            return ("unknown", "unknown (the answer was not JSON)");
        }
    }
}
