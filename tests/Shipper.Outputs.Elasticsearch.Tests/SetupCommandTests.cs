using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Commands;
using Shipper.Outputs.Elasticsearch.Commands;
using Shipper.Outputs.Elasticsearch.Tests.Server;
using Shipper.Outputs.Elasticsearch.Tests.Support;

namespace Shipper.Outputs.Elasticsearch.Tests;

/// <summary><c>shipper setup --index-management</c>.</summary>
public sealed class SetupCommandTests
{
    [Fact]
    public async Task SetupIndexManagementInstallsTheTemplateEvenWhenAutomaticSetupIsOff()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        using var config = new EsConfig($"""
            output.elasticsearch:
              hosts: ['{server.Host}']
            setup.template.enabled: false
            """);
        var (code, stdout, stderr) = await RunAsync(config, "--index-management");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("index template 'shipper-0.1.0' installed for 'shipper-0.1.0-*'", stdout, StringComparison.Ordinal);
        Assert.True(server.Templates.ContainsKey("shipper-0.1.0"));
    }

    [Fact]
    public async Task SetupReportsAnUnreachableClusterAsAFailure()
    {
        var server = await FakeElasticsearch.StartAsync();
        await server.StopAsync();
        using var config = new EsConfig($"""
            output.elasticsearch:
              hosts: ['{server.Host}']
            """);

        var (code, _, stderr) = await RunAsync(config, "--index-management");

        Assert.Equal(1, code);
        Assert.Contains("checking index template shipper-0.1.0", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetupWithoutAnElasticsearchOutputIsAUsageError()
    {
        using var config = new EsConfig("output.console: {}");

        var (code, _, stderr) = await RunAsync(config, "--index-management", outputBlock: false);

        Assert.Equal(2, code);
        Assert.Contains("output.elasticsearch is not configured", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSetupFlagIsAUsageError()
    {
        using var config = new EsConfig("output.elasticsearch: {}");

        var (code, _, stderr) = await RunAsync(config, "--dashboards");

        Assert.Equal(2, code);
        Assert.Contains("'--dashboards'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCommandAsksForTheElasticsearchOutputBlock()
    {
        ICommandContribution command = new SetupCommand();

        Assert.Equal(["setup"], command.Words);
        Assert.Equal("elasticsearch", command.OutputType);
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(EsConfig config, string argument, bool outputBlock = true)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CommandContext([argument], stdout, stderr, null, NullLoggerFactory.Instance, config.Services, outputBlock ? config.OutputBlock : null);
        var code = await new SetupCommand().RunAsync(context, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
