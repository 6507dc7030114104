using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Shipper.Core.Tests.Monitoring;

/// <summary>Talks to a monitoring endpoint the way curl would, one request per connection.</summary>
internal static class MonitoringHttp
{
    public static async Task<(int Status, string Body)> GetAsync(int port, string pathAndQuery)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}{pathAndQuery}"));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> StatsAsync(int port, bool pretty = false)
    {
        var (status, body) = await GetAsync(port, pretty ? "/stats?pretty" : "/stats");
        Assert.Equal(200, status);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Sends <paramref name="request"/> as raw bytes and returns the whole response text.</summary>
    public static async Task<string> RawAsync(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>The number at a dotted path of a <c>/stats</c> document.</summary>
    public static long Value(this JsonElement stats, string dotted)
    {
        var node = stats;
        foreach (var segment in dotted.Split('.'))
        {
            Assert.True(node.TryGetProperty(segment, out node), $"/stats has no {dotted}");
        }

        return node.GetInt64();
    }
}
