using Microsoft.Extensions.Logging;
using Shipper.Config;
using Shipper.Hosting;
using Shipper.Monitoring;
using Shipper.Outputs.Elasticsearch.Connection;
using Shipper.Outputs.Elasticsearch.Options;
using Shipper.Outputs.Elasticsearch.Routing;
using Shipper.Outputs.Elasticsearch.Template;
using Shipper.Processors;

namespace Shipper.Outputs.Elasticsearch;

/// <summary>
/// Creates <c>output.elasticsearch</c> from its block and the top-level <c>setup.template.*</c>. Connects nowhere:
/// the template is installed on the first batch (unless <c>setup.template.enabled: false</c>).
/// </summary>
public sealed class ElasticsearchOutputFactory : IOutputFactory
{
    /// <inheritdoc />
    public string Type => "elasticsearch";

    /// <inheritdoc />
    public IOutput Create(OutputContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var built = Build(context.Config, context.Services, context.Logger, context.Metrics);
        return built.Output;
    }

    /// <summary>Binds and validates everything and creates the output with its template.</summary>
    internal static BuiltOutput Build(IConfigSection config, IServiceProvider services, ILogger logger, IOutputMetrics metrics)
    {
        var options = config.Bind<ElasticsearchOutputOptions>();
        var setupSection = (services.GetService(typeof(IConfigSection)) as IConfigSection)?.GetSection("setup");
        var setup = setupSection?.Bind<SetupOptions>() ?? new SetupOptions();
        var agent = services.GetService(typeof(AgentInfo)) as AgentInfo;
        var version = agent?.Version ?? typeof(ElasticsearchOutputFactory).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var template = IndexTemplate.Create(setup.Template, version);
        var selector = CreateSelector(config, options, services);
        if (options.Ssl.Enabled && options.Ssl.VerificationMode == "none")
        {
            logger.LogWarning("output.elasticsearch: SSL/TLS verification is disabled (ssl.verification_mode: none): any server can pose as the cluster and read the events; use it for tests only");
        }

        var client = new ClusterClient(options, logger: logger);
        var output = new ElasticsearchOutput(options, client, selector, setup.Template.Enabled ? template : null, setup.Template.Overwrite, metrics, logger);
        return new BuiltOutput(output, template, setup.Template);
    }

    private static IndexSelector CreateSelector(IConfigSection config, ElasticsearchOutputOptions options, IServiceProvider services)
    {
        var rules = new List<IndexRule>();
        for (var i = 0; i < options.Indices.Count; i++)
        {
            var rule = options.Indices[i];
            ICondition? when = null;
            if (rule.When is not null)
            {
                var conditions = services.GetService(typeof(IConditionFactory)) as IConditionFactory
                    ?? throw config.Error($"indices.{i}.when", "conditions need the processors plugin (processors/ beside the shipper executable), which is not installed; remove 'when' or install it");
                when = conditions.Create(rule.When);
            }

            if (rule.Index is null)
            {
                throw config.Error($"indices.{i}", "each rule needs an 'index'");
            }

            rules.Add(new IndexRule(FormatString.Parse(rule.Index), when, rule.Mappings, rule.Default));
        }

        return new IndexSelector(rules, FormatString.Parse(options.Index), options.Pipeline is null ? null : FormatString.Parse(options.Pipeline));
    }
}

/// <summary>The output with its index template, for the setup command.</summary>
internal sealed record BuiltOutput(ElasticsearchOutput Output, IndexTemplate Template, TemplateOptions TemplateOptions);
