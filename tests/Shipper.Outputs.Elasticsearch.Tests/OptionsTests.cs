using Shipper.Config;
using Shipper.Outputs.Elasticsearch.Connection;
using Shipper.Outputs.Elasticsearch.Options;
using Shipper.Outputs.Elasticsearch.Tests.Support;
using Shipper.Testing;

namespace Shipper.Outputs.Elasticsearch.Tests;

/// <summary>Settings as in Beats: defaults, host forms and clear errors.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void TheDefaultsAreBeatsDefaults()
    {
        using var config = new EsConfig("output.elasticsearch: {}");

        var options = config.OutputBlock.Bind<ElasticsearchOutputOptions>();

        Assert.Equal(["localhost:9200"], options.Hosts);
        Assert.Equal(1, options.Worker);
        Assert.Equal(1600, options.BulkMaxSize);
        Assert.Equal(1, options.CompressionLevel);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Timeout);
        Assert.Equal("shipper-%{[agent.version]}-%{+yyyy.MM.dd}", options.Index);
        Assert.Null(options.NonIndexablePolicy.DeadLetterIndex);
        Assert.Equal("full", options.Ssl.VerificationMode);
        Assert.Equal(TimeSpan.FromSeconds(1), config.Common.Backoff.Init);
        Assert.Equal(TimeSpan.FromSeconds(60), config.Common.Backoff.Max);
    }

    [Theory]
    [InlineData("localhost", "http", null, "http://localhost:9200/")]
    [InlineData("10.0.0.5:9201", "http", null, "http://10.0.0.5:9201/")]
    [InlineData("es.example.org", "https", "/es", "https://es.example.org:9200/es/")]
    [InlineData("https://es.example.org:443", "http", null, "https://es.example.org/")]
    [InlineData("http://proxy:8080/cluster-a", "http", "/ignored", "http://proxy:8080/cluster-a/")]
    [InlineData("[::1]:9200", "http", null, "http://[::1]:9200/")]
    public void HostsAcceptHostPortOrUrls(string host, string protocol, string? path, string expected)
    {
        Assert.True(HostAddress.TryParse(host, protocol, path, out var uri, out var error), error);
        Assert.Equal(expected, uri.ToString());
    }

    [Fact]
    public void AHostWithCredentialsIsRejectedWithoutEchoingThem()
    {
        Assert.False(HostAddress.TryParse("http://elastic:changeme-now@es:9200", "http", null, out _, out var error));
        Assert.DoesNotContain("changeme-now", error, StringComparison.Ordinal);
        Assert.Contains("username and password", error, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSettingsNameTheKeyAndLine()
    {
        using var config = new EsConfig("""
            output.elasticsearch:
              hosts: ["ftp://files:21"]
              compression_level: 12
              bulk_max_size: 0
            """);

        var error = Assert.Throws<ConfigException>(() => config.CreateOutput(new ListLoggerFactory()));

        Assert.Contains("output.elasticsearch.hosts.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("scheme 'ftp' is not supported", error.Message, StringComparison.Ordinal);
        Assert.Contains("output.elasticsearch.compression_level", error.Message, StringComparison.Ordinal);
        Assert.Contains("output.elasticsearch.bulk_max_size", error.Message, StringComparison.Ordinal);
        Assert.Contains("shipper.yml:3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspelledKeyIsAnError()
    {
        using var config = new EsConfig("""
            output.elasticsearch:
              bulk_max_sise: 10
            """);

        var error = Assert.Throws<ConfigException>(() => config.CreateOutput(new ListLoggerFactory()));

        Assert.Contains("bulk_max_sise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnclosedFormatStringIsAnErrorAtTheIndexKey()
    {
        using var config = new EsConfig("""
            output.elasticsearch:
              index: "shipper-%{[agent.version]"
            """);

        var error = Assert.Throws<ConfigException>(() => config.CreateOutput(new ListLoggerFactory()));

        Assert.Contains("output.elasticsearch.index", error.Message, StringComparison.Ordinal);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkersScaleWithTheNumberOfHosts()
    {
        using var config = new EsConfig("""
            output.elasticsearch:
              hosts: ["a:9200", "b:9200", "c:9200"]
              worker: 2
              bulk_max_size: 500
            """);

        var output = config.CreateOutput(new ListLoggerFactory());

        Assert.Equal(6, output.Workers);
        Assert.Equal(500, output.MaxBatchSize);
    }

    [Fact]
    public void AnUnknownSetupKeyIsAnError()
    {
        using var config = new EsConfig("""
            output.elasticsearch: {}
            setup.template.enabeld: false
            """);

        var error = Assert.Throws<ConfigException>(() => config.CreateOutput(new ListLoggerFactory()));

        Assert.Contains("setup.template.enabeld", error.Message, StringComparison.Ordinal);
    }
}
