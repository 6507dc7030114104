using System.Net.Sockets;
using System.Text.Json;
using Shipper.Core.Monitoring;
using Shipper.Testing;

namespace Shipper.Core.Tests.Monitoring;

public sealed class MonitoringEndpointTests : IAsyncLifetime
{
    private readonly MetricsRegistry _metrics = new();
    private readonly ListLoggerFactory _logs = new();
    private MonitoringEndpoint _endpoint = null!;

    public async Task InitializeAsync()
    {
        _endpoint = new MonitoringEndpoint("localhost", 0, TestEvents.Agent, _metrics, _logs.CreateLogger("monitoring"));
        await _endpoint.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task The_root_says_who_is_shipping()
    {
        var (status, body) = await MonitoringHttp.GetAsync(_endpoint.Port, "/");

        Assert.Equal(200, status);
        var info = JsonDocument.Parse(body).RootElement;
        Assert.Equal("test-shipper", info.GetProperty("name").GetString());
        Assert.Equal("0.1.0", info.GetProperty("version").GetString());
        Assert.Equal("11111111-2222-3333-4444-555555555555", info.GetProperty("uuid").GetString());
        Assert.Equal("test-host", info.GetProperty("hostname").GetString());
        Assert.Equal("shipper", info.GetProperty("beat").GetString());
    }

    [Fact]
    public async Task Stats_nests_every_counter_and_gauge_by_its_dotted_name()
    {
        _metrics.Counter("libbeat.pipeline.events.total").Add(42);
        _metrics.Counter("libbeat.output.write.bytes").Add(1234);
        _metrics.Gauge("libbeat.pipeline.queue.max_events", () => 3200);
        _metrics.Counter("auditd.received_msgs").Add(7);

        var stats = await MonitoringHttp.StatsAsync(_endpoint.Port);

        Assert.Equal(42, stats.Value("libbeat.pipeline.events.total"));
        Assert.Equal(1234, stats.Value("libbeat.output.write.bytes"));
        Assert.Equal(3200, stats.Value("libbeat.pipeline.queue.max_events"));
        Assert.Equal(7, stats.Value("auditd.received_msgs"));
    }

    [Fact]
    public async Task Stats_shows_the_value_a_counter_has_at_the_time_of_the_request()
    {
        var counter = _metrics.Counter("libbeat.output.events.acked");
        counter.Add(3);
        Assert.Equal(3, (await MonitoringHttp.StatsAsync(_endpoint.Port)).Value("libbeat.output.events.acked"));

        counter.Add(5);
        Assert.Equal(8, (await MonitoringHttp.StatsAsync(_endpoint.Port)).Value("libbeat.output.events.acked"));
    }

    [Fact]
    public async Task Pretty_indents_the_same_document()
    {
        _metrics.Counter("libbeat.pipeline.events.total").Add(5);

        var (_, compact) = await MonitoringHttp.GetAsync(_endpoint.Port, "/stats");
        var (status, pretty) = await MonitoringHttp.GetAsync(_endpoint.Port, "/stats?pretty");
        var (_, prettyInfo) = await MonitoringHttp.GetAsync(_endpoint.Port, "/?pretty");

        Assert.Equal(200, status);
        Assert.DoesNotContain('\n', compact);
        Assert.Contains("\n  \"libbeat\": {", pretty, StringComparison.Ordinal);
        Assert.Contains("\n  \"name\": \"test-shipper\"", prettyInfo, StringComparison.Ordinal);
        Assert.Equal(5, JsonDocument.Parse(pretty).RootElement.Value("libbeat.pipeline.events.total"));
    }

    [Theory]
    [InlineData("/nope")]
    [InlineData("/stats/libbeat")]
    [InlineData("/state")]
    public async Task Unknown_paths_are_404(string path)
    {
        var (status, body) = await MonitoringHttp.GetAsync(_endpoint.Port, path);

        Assert.Equal(404, status);
        Assert.Equal("not found", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Methods_other_than_GET_and_HEAD_are_refused_and_a_malformed_request_is_400()
    {
        var post = await MonitoringHttp.RawAsync(_endpoint.Port, "POST /stats HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        var garbage = await MonitoringHttp.RawAsync(_endpoint.Port, "hello there\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 405 ", post, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 400 ", garbage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HEAD_answers_with_the_GET_headers_and_no_body()
    {
        var get = await MonitoringHttp.RawAsync(_endpoint.Port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        var head = await MonitoringHttp.RawAsync(_endpoint.Port, "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");

        var getHeaders = get[..(get.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)];
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", head, StringComparison.Ordinal);
        Assert.Contains("Content-Length: " + (get.Length - getHeaders.Length) + "\r\n", head, StringComparison.Ordinal);
        Assert.Equal(getHeaders, head);
    }

    [Fact]
    public async Task After_dispose_nothing_listens_on_the_port()
    {
        var port = _endpoint.Port;

        await _endpoint.DisposeAsync();

        using var client = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task Starting_on_a_port_in_use_fails_with_a_socket_error()
    {
        await using var second = new MonitoringEndpoint("127.0.0.1", _endpoint.Port, TestEvents.Agent, _metrics, _logs.CreateLogger("monitoring"));

        var error = await Assert.ThrowsAsync<SocketException>(() => second.StartAsync(CancellationToken.None));
        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
    }

    [Fact]
    public async Task Localhost_binds_the_IPv4_loopback_only()
    {
        Assert.Equal(System.Net.IPAddress.Loopback, await MonitoringEndpoint.ResolveAsync("localhost", CancellationToken.None));
        Assert.Equal(System.Net.IPAddress.Parse("::1"), await MonitoringEndpoint.ResolveAsync("[::1]", CancellationToken.None));
        Assert.Equal(System.Net.IPAddress.Any, await MonitoringEndpoint.ResolveAsync("0.0.0.0", CancellationToken.None));
    }
}
