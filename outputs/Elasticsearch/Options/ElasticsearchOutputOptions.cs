using Shipper.Config;

namespace Shipper.Outputs.Elasticsearch.Options;

/// <summary>
/// <c>output.elasticsearch.*</c>, with Beats' names and defaults. <c>backoff.*</c> and <c>enabled</c> are read by
/// the host, whose pipeline does all retrying; this output only reports what happened to each event.
/// </summary>
public sealed class ElasticsearchOutputOptions : IValidatable
{
    /// <summary><c>hosts</c>: <c>host:port</c> or URLs; several are load-balanced. Default <c>localhost:9200</c>.</summary>
    public List<string> Hosts { get; set; } = ["localhost:9200"];

    /// <summary><c>protocol</c>: <c>http</c> or <c>https</c>, for hosts written without a scheme. Default http (https when <c>ssl</c> is configured).</summary>
    public string? Protocol { get; set; }

    /// <summary><c>path</c>: a prefix for every request path (for a cluster behind a proxy). Default none.</summary>
    public string? Path { get; set; }

    /// <summary><c>username</c> for basic authentication.</summary>
    public string? Username { get; set; }

    /// <summary><c>password</c> for basic authentication. Never logged or exported.</summary>
    [Secret]
    public string? Password { get; set; }

    /// <summary><c>api_key</c>: <c>id:key</c> (as Elasticsearch returns it) or its base64 encoding. Never logged or exported.</summary>
    [Secret]
    [ConfigKey("api_key")]
    public string? ApiKey { get; set; }

    /// <summary><c>ssl.*</c>.</summary>
    public SslOptions Ssl { get; set; } = new();

    /// <summary><c>headers</c>: extra HTTP headers sent with every request.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary><c>worker</c>: concurrent bulk requests per host. Default 1.</summary>
    public int Worker { get; set; } = 1;

    /// <summary><c>workers</c>: Beats' other spelling of <see cref="Worker"/>.</summary>
    public int? Workers { get; set; }

    /// <summary><c>bulk_max_size</c>: the most events in one bulk request. Default 1600.</summary>
    [ConfigKey("bulk_max_size")]
    public int BulkMaxSize { get; set; } = 1600;

    /// <summary><c>compression_level</c>: gzip level of request bodies, 0 (off) to 9. Default 1.</summary>
    [ConfigKey("compression_level")]
    public int CompressionLevel { get; set; } = 1;

    /// <summary><c>timeout</c>: how long one request may take. Default 90s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// <c>max_retries</c>: how many times an event that was not delivered (429, 5xx, no answer) is retried before
    /// it is dropped, counted in <c>libbeat.output.events.dropped</c> and logged with the reason. Default -1:
    /// retried until delivered, so an outage loses nothing while the shipper runs (Beats' default is 3; set 3 to
    /// get its behaviour). Any negative value means the same.
    /// </summary>
    [ConfigKey("max_retries")]
    public int MaxRetries { get; set; } = -1;

    /// <summary><c>index</c>: a format string. Default <c>shipper-%{[agent.version]}-%{+yyyy.MM.dd}</c>.</summary>
    public string Index { get; set; } = "shipper-%{[agent.version]}-%{+yyyy.MM.dd}";

    /// <summary><c>indices</c>: rules tried in order before <see cref="Index"/>; the first that matches names the index.</summary>
    public List<IndexRuleOptions> Indices { get; set; } = [];

    /// <summary><c>pipeline</c>: an ingest pipeline (format string) run on every event; <c>@metadata.pipeline</c> overrides it.</summary>
    public string? Pipeline { get; set; }

    /// <summary><c>non_indexable_policy</c>: what to do with events Elasticsearch refuses (mapping errors). Default drop.</summary>
    [ConfigKey("non_indexable_policy")]
    public NonIndexablePolicyOptions NonIndexablePolicy { get; set; } = new();

    /// <summary>
    /// <c>assign_ids</c>: give each event an <c>_id</c> before its first attempt, so that a retry after a lost
    /// response (timeout, reset) gets HTTP 409 instead of indexing the event twice. Default true; false lets
    /// Elasticsearch choose ids (a little cheaper for the cluster, but duplicates after timeouts).
    /// </summary>
    [ConfigKey("assign_ids")]
    public bool AssignIds { get; set; } = true;

    /// <summary>The effective per-host worker count.</summary>
    internal int WorkersPerHost => Workers ?? Worker;

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Hosts.Count == 0)
        {
            errors.Add("hosts", "needs at least one host, such as localhost:9200");
        }

        for (var i = 0; i < Hosts.Count; i++)
        {
            if (!Connection.HostAddress.TryParse(Hosts[i], Protocol ?? DefaultProtocol, Path, out _, out var error))
            {
                errors.Add($"hosts.{i}", error);
            }
        }

        if (Protocol is not null and not "http" and not "https")
        {
            errors.Add("protocol", $"must be http or https, got '{Protocol}'");
        }

        if (Password is not null && Username is null)
        {
            errors.Add("password", "is set without a username");
        }

        if (ApiKey is not null && Username is not null)
        {
            errors.Add("api_key", "cannot be combined with username/password; choose one");
        }

        errors.InRange(Workers is null ? "worker" : "workers", WorkersPerHost, 1, 1024);
        errors.InRange("bulk_max_size", BulkMaxSize, 1, 1_000_000);
        errors.InRange("compression_level", CompressionLevel, 0, 9);
        if (Timeout <= TimeSpan.Zero)
        {
            errors.Add("timeout", "must be greater than 0");
        }

        ValidateFormat(errors, "index", Index);
        for (var i = 0; i < Indices.Count; i++)
        {
            ValidateFormat(errors, $"indices.{i}.index", Indices[i].Index);
        }

        if (Pipeline is not null)
        {
            ValidateFormat(errors, "pipeline", Pipeline);
        }

        if (NonIndexablePolicy.DeadLetterIndex is { } dli)
        {
            ValidateFormat(errors, "non_indexable_policy.dead_letter_index.index", dli.Index);
        }
    }

    /// <summary>The scheme for hosts written without one: <see cref="Protocol"/>, else https when ssl is configured.</summary>
    internal string DefaultProtocol => Protocol ?? (Ssl.IsConfigured ? "https" : "http");

    private static void ValidateFormat(ValidationErrors errors, string key, string? format)
    {
        if (string.IsNullOrWhiteSpace(format))
        {
            errors.Add(key, "must not be empty");
        }
        else if (!Routing.FormatString.TryParse(format, out _, out var error))
        {
            errors.Add(key, error);
        }
    }
}
