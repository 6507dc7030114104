using Shipper.Commands;
using Shipper.Config;
using Shipper.Outputs.Elasticsearch.Connection;

namespace Shipper.Outputs.Elasticsearch.Commands;

/// <summary>
/// <c>shipper setup [--index-management]</c>: installs the index template into the cluster of
/// <c>output.elasticsearch</c>, replacing one of the same name only with <c>setup.template.overwrite: true</c>.
/// Index management is all there is to set up, so the flag is optional.
/// </summary>
internal sealed class SetupCommand : ICommandContribution
{
    public IReadOnlyList<string> Words { get; } = ["setup"];

    public string Summary => "Installs the Elasticsearch index template (setup --index-management).";

    public string? ModuleType => null;

    public string? OutputType => "elasticsearch";

    public async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var argument in context.Arguments)
        {
            if (argument != "--index-management")
            {
                await context.Error.WriteLineAsync($"shipper setup: unknown argument '{argument}'; only --index-management is supported").ConfigureAwait(false);
                return 2;
            }
        }

        if (context.OutputConfig is null)
        {
            await context.Error.WriteLineAsync("shipper setup: output.elasticsearch is not configured; index management needs the cluster's address").ConfigureAwait(false);
            return 2;
        }

        BuiltOutput built;
        try
        {
            built = ElasticsearchOutputFactory.Build(context.OutputConfig, context.Services, context.LoggerFactory.CreateLogger("output.elasticsearch"), NullOutputMetrics.Instance);
        }
        catch (ConfigException e)
        {
            await context.Error.WriteLineAsync($"shipper: configuration error: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        await using (built.Output.ConfigureAwait(false))
        {
            try
            {
                var result = await built.Output.InstallTemplateAsync(built.Template, built.TemplateOptions.Overwrite, cancellationToken).ConfigureAwait(false);
                await context.Out.WriteLineAsync($"Index setup finished: {result}").ConfigureAwait(false);
                return 0;
            }
            catch (ClusterException e)
            {
                await context.Error.WriteLineAsync($"shipper setup: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        }
    }
}
