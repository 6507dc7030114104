using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Commands;
using Shipper.Events;
using Shipper.Hosting;
using Shipper.Modules.Auditd.Replay;
using Shipper.Modules.Auditd.Tests.Module;
using Shipper.Modules.Auditd.Tests.Normalization;
using Shipper.Pipeline;
using Shipper.Testing;

namespace Shipper.Modules.Auditd.Tests.Replay;

public class ReplayCommandTests
{
    private static readonly string ChownLog = Path.Combine(GoldenFiles.ConformanceRoot, "auditbeat", "chown.log");
    private static readonly string SetuidLog = Path.Combine(GoldenFiles.ConformanceRoot, "auditbeat", "setuid.log");

    [Fact]
    public async Task Stdout_mode_writes_one_ndjson_document_per_event_timestamped_from_the_records()
    {
        var output = new StringWriter();

        var exit = await new ReplayCommand().RunAsync(Context(["--stdout", ChownLog], output), CancellationToken.None);

        Assert.Equal(0, exit);
        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var document = JsonNode.Parse(line)!;
        Assert.Equal("2021-01-19T21:24:24.740Z", (string?)document["@timestamp"]);
        Assert.Equal("fchownat", (string?)document["auditd"]!["data"]!["syscall"]);
        Assert.Equal("chown -R alice test", (string?)document["process"]!["title"]);
    }

    [Fact]
    public async Task Events_go_through_the_hosts_pipeline_and_gzip_logs_are_read()
    {
        using var temp = new TempDirectory();
        var gz = temp.File("audit.log.gz");
        await using (var file = File.Create(gz))
        await using (var zip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await zip.WriteAsync(await File.ReadAllBytesAsync(ChownLog));
        }

        var runner = new CollectingRunner();
        var exit = await new ReplayCommand().RunAsync(Context([gz, SetuidLog], new StringWriter(), runner), CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal("auditd", runner.ModuleType);
        Assert.Equal([263u, 529u, 530u, 531u], runner.Client.Events.Select(e => (uint)e.Fields.GetValueOrDefault("auditd.sequence")!).Order());
    }

    [Fact]
    public async Task Module_settings_apply_to_replayed_documents()
    {
        var output = new StringWriter();
        var config = new FakeConfigSection(new AuditdOptions { IncludeRawMessage = true, ResolveIds = false }, "include_raw_message", "resolve_ids");

        await new ReplayCommand().RunAsync(Context(["--stdout", ChownLog], output, config: config), CancellationToken.None);

        var document = JsonNode.Parse(output.ToString().Trim())!;
        Assert.Equal(4, document["event"]!["original"]!.AsArray().Count);
        Assert.Null(document["user"]!["name"]);
    }

    [Theory]
    [InlineData(new string[0], 2)]
    [InlineData(new[] { "--bogus", "x.log" }, 2)]
    [InlineData(new[] { "/no/such/audit.log" }, 1)]
    public async Task Bad_arguments_are_refused_with_a_usage_or_a_reason(string[] arguments, int expected)
    {
        var error = new StringWriter();

        var exit = await new ReplayCommand().RunAsync(Context(arguments, new StringWriter(), error: error), CancellationToken.None);

        Assert.Equal(expected, exit);
        Assert.StartsWith("replay: ", error.ToString());
    }

    private static CommandContext Context(string[] arguments, TextWriter output, CollectingRunner? runner = null, FakeConfigSection? config = null, TextWriter? error = null)
    {
        var services = new ServiceCollection();
        if (runner is not null)
        {
            services.AddSingleton<IEventSourceRunner>(runner);
        }

        return new CommandContext(arguments, output, error ?? new StringWriter(), config, NullLoggerFactory.Instance, services.BuildServiceProvider());
    }

    private sealed class CollectingRunner : IEventSourceRunner
    {
        public CollectingPipelineClient Client { get; } = new();

        public string? ModuleType { get; private set; }

        public async Task<int> RunAsync(string moduleType, Func<IPipelineClient, CancellationToken, Task> source, CancellationToken cancellationToken)
        {
            ModuleType = moduleType;
            await source(Client, cancellationToken);
            return 0;
        }
    }
}
