using Shipper.Config;
using Shipper.Outputs.Elasticsearch.Tests.Server;
using Shipper.Outputs.Elasticsearch.Tests.Support;
using Shipper.Testing;

namespace Shipper.Outputs.Elasticsearch.Tests;

/// <summary>Passwords and API keys never show in logs, errors, reports or the exported configuration.</summary>
public sealed class SecretTests
{
    private const string Password = "pw-Zq81-never-shown";
    private const string ApiKey = "kid:ak-Yt55-never-shown";

    [Fact]
    public async Task CredentialsAppearInNoLogErrorOrReportWhenTheClusterRefusesThem()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.RequiredAuthorization = "Basic something-else";
        await using var pipeline = new EsPipeline(EsPipeline.HostsOf(server), $"    username: shipper\n    password: {Password}");
        await pipeline.PublishAsync(3);
        await Eventually.HoldsAsync(() => server.Requests.Count >= 3, "several refused attempts");
        var report = new StringWriter();
        await pipeline.Output.TestAsync(report, CancellationToken.None);
        await pipeline.StopAsync(TimeSpan.Zero);

        var logged = string.Join('\n', pipeline.Logs.Entries.Select(e => e.Message + " " + e.Exception));
        Assert.Contains("401", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExportConfigMasksThePasswordAndTheKeyPassphrase()
    {
        using var config = new EsConfig($"""
            output.elasticsearch:
              hosts: ["es:9200"]
              username: shipper
              password: {Password}
              ssl.key_passphrase: {Password}
            """);

        var yaml = config.Loaded.ToYaml(maskSecrets: true);

        Assert.DoesNotContain(Password, yaml, StringComparison.Ordinal);
        Assert.Contains("username: shipper", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportConfigMasksTheApiKey()
    {
        using var config = new EsConfig($"""
            output.elasticsearch:
              api_key: "{ApiKey}"
            """);

        var yaml = config.Loaded.ToYaml(maskSecrets: true);

        Assert.DoesNotContain("ak-Yt55", yaml, StringComparison.Ordinal);
        Assert.Contains("api_key", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidApiKeyValueIsNotEchoedInTheError()
    {
        using var config = new EsConfig($"""
            output.elasticsearch:
              api_key:
                nested: "{ApiKey}"
            """);

        var error = Assert.Throws<ConfigException>(() => config.CreateOutput(new ListLoggerFactory()));

        Assert.Contains("output.elasticsearch.api_key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ak-Yt55", error.Message, StringComparison.Ordinal);
    }
}
