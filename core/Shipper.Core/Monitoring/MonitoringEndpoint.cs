using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Shipper.Events;
using Shipper.Hosting;
using Shipper.Monitoring;

namespace Shipper.Core.Monitoring;

/// <summary>
/// The <c>http.*</c> monitoring endpoint: <c>GET /</c> (who is shipping) and <c>GET /stats</c> (every metric,
/// nested by its dotted name); <c>?pretty</c> indents. A small HTTP/1.1 responder over <see cref="TcpListener"/>
/// (one request per connection), so port 0 works and no host-header matching gets in the way.
/// </summary>
public sealed class MonitoringEndpoint : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);
    private readonly string _host;
    private readonly int _requestedPort;
    private readonly AgentInfo _agent;
    private readonly IMetricsRegistry _registry;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;

    /// <summary>Creates the endpoint; it listens only after <see cref="StartAsync"/>.</summary>
    /// <param name="host"><c>http.host</c>: an IP address or a name; <c>localhost</c> binds 127.0.0.1 only (not ::1).</param>
    /// <param name="port"><c>http.port</c>; 0 picks a free port, then read <see cref="Port"/>.</param>
    /// <param name="agent">Values for <c>/</c>.</param>
    /// <param name="registry">The metrics for <c>/stats</c> (the host registers the <c>beat.*</c> process gauges, see <see cref="ProcessMetrics"/>).</param>
    /// <param name="logger">For start, stop and request failures.</param>
    public MonitoringEndpoint(string host, int port, AgentInfo agent, IMetricsRegistry registry, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(logger);
        _host = host;
        _requestedPort = port;
        _agent = agent;
        _registry = registry;
        _logger = logger;
    }

    /// <summary>The port actually bound (the chosen one when <c>http.port</c> is 0); 0 before start.</summary>
    public int Port { get; private set; }

    /// <summary>Binds the socket and starts serving. Throws <see cref="SocketException"/> when the port is taken.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = await ResolveAsync(_host, cancellationToken).ConfigureAwait(false);
        var listener = new TcpListener(address, _requestedPort);
        listener.Start();
        _listener = listener;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync(listener, _stopping.Token);
        _logger.LogInformation("Monitoring endpoint listening on http://{Address}:{Port}", address, Port);
    }

    /// <summary>Stops listening and waits for the accept loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Stop();
        await _acceptLoop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    internal static async Task<IPAddress> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out var parsed))
        {
            return parsed;
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new ArgumentException($"http.host '{host}' does not resolve to any address", nameof(host));
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException || stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                _logger.LogWarning(ex, "Monitoring endpoint failed to accept a connection");
                continue;
            }

            _ = ServeAsync(client, stopping);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var request = await HttpRequestHead.ReadAsync(stream, timeout.Token).ConfigureAwait(false);
                var (status, body) = Route(request);
                await WriteResponseAsync(stream, status, body, headOnly: request?.Method == "HEAD", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            _logger.LogDebug(ex, "Monitoring request abandoned");
        }
    }

    private (int Status, byte[] Body) Route(HttpRequestHead? request)
    {
        if (request is null)
        {
            return (400, Error("bad request"));
        }

        if (request.Method is not ("GET" or "HEAD"))
        {
            return (405, Error("method not allowed"));
        }

        return request.Path switch
        {
            "/" => (200, Info(request.Pretty)),
            "/stats" or "/stats/" => (200, StatsJson.Write(_registry.Snapshot(), request.Pretty)),
            _ => (404, Error("not found")),
        };
    }

    private byte[] Info(bool pretty)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, pretty ? FieldValueWriter.IndentedOptions : FieldValueWriter.CompactOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("beat", "shipper");
            writer.WriteString("hostname", _agent.Hostname);
            writer.WriteString("name", _agent.Name);
            writer.WriteString("uuid", _agent.Id.ToString());
            writer.WriteString("version", _agent.Version);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] Error(string message) => Encoding.UTF8.GetBytes($"{{\"error\":\"{message}\"}}");

    /// <summary>A HEAD answer carries the Content-Length the GET body would have, and no body.</summary>
    private static async Task WriteResponseAsync(Stream stream, int status, byte[] body, bool headOnly, CancellationToken cancellationToken)
    {
        var reason = status switch { 200 => "OK", 400 => "Bad Request", 404 => "Not Found", 405 => "Method Not Allowed", _ => "Error" };
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json; charset=utf-8\r\n" +
                   $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken).ConfigureAwait(false);
        if (!headOnly)
        {
            await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
