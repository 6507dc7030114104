using Microsoft.Extensions.Logging;
using Shipper.Config;
using Shipper.Core.Config;
using Shipper.Core.Hosting;
using Shipper.Processors;
using Shipper.Testing;

namespace Shipper.Outputs.Elasticsearch.Tests.Support;

/// <summary>
/// Loads a shipper.yml through the real config loader and creates <c>output.elasticsearch</c> from it through
/// the plugin's factory, with the services a host gives plugins.
/// </summary>
internal sealed class EsConfig : IDisposable
{
    private readonly TempDirectory _temp = new();

    public EsConfig(string yaml, IConditionFactory? conditions = null)
    {
        var file = _temp.Write("shipper.yml", yaml);
        Loaded = ConfigLoader.Load(new ConfigLoadRequest { Files = [file], DefaultHome = _temp.Path });
        Services = new TestServices().Add(Loaded.Root).Add(TestEvents.Agent);
        if (conditions is not null)
        {
            Services.Add(conditions);
        }
    }

    public LoadedConfig Loaded { get; }

    public TestServices Services { get; }

    public IConfigSection OutputBlock => Loaded.Options.Output!.GetSection("elasticsearch")!.Without(OutputCommonOptions.Keys);

    public OutputCommonOptions Common => Loaded.Options.Output!.GetSection("elasticsearch")!.Only(OutputCommonOptions.Keys).Bind<OutputCommonOptions>();

    public IOutput CreateOutput(ILoggerFactory logs, CountingMetrics? metrics = null) =>
        new ElasticsearchOutputFactory().Create(new OutputContext(OutputBlock, logs.CreateLogger("output.elasticsearch"), metrics ?? new CountingMetrics(), Services));

    public void Dispose() => _temp.Dispose();
}
