using Microsoft.Extensions.DependencyInjection;
using Shipper.Commands;
using Shipper.Outputs.Elasticsearch.Commands;
using Shipper.Plugins;

namespace Shipper.Outputs.Elasticsearch;

/// <summary>The <c>outputs/elasticsearch</c> plugin: <c>output.elasticsearch</c> and <c>shipper setup --index-management</c>.</summary>
public sealed class ElasticsearchPlugin : IShipperPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IOutputFactory, ElasticsearchOutputFactory>();
        services.AddSingleton<ICommandContribution, SetupCommand>();
    }
}
