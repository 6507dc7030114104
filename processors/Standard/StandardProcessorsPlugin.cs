using Microsoft.Extensions.DependencyInjection;
using Shipper.Plugins;
using Shipper.Processors.Standard.Conditions;
using Shipper.Processors.Standard.Fields;
using Shipper.Processors.Standard.Flow;
using Shipper.Processors.Standard.Metadata;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard;

/// <summary>
/// The <c>processors/standard</c> plugin: Beats' standard processors and the condition language
/// (<see cref="IConditionFactory"/>, which outputs resolve from DI for their own <c>when</c> rules).
/// </summary>
public sealed class StandardProcessorsPlugin : IShipperPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IConditionFactory, ConditionFactory>();
        foreach (var factory in Factories())
        {
            services.AddSingleton(factory);
        }
    }

    /// <summary>Every processor type of the plugin.</summary>
    internal static IEnumerable<IProcessorFactory> Factories() =>
    [
        new ProcessorFactory<AddFieldsOptions>("add_fields", (o, s) => new AddFieldsProcessor(o, s)),
        new ProcessorFactory<AddTagsOptions>("add_tags", (o, s) => new AddTagsProcessor(o, s)),
        new ProcessorFactory<AddLabelsOptions>("add_labels", (o, s) => new AddLabelsProcessor(o, s)),
        new ProcessorFactory<DropEventOptions>("drop_event", (_, s) => new DropEventProcessor(s)),
        new ProcessorFactory<FieldListOptions>("drop_fields", (o, s) => new DropFieldsProcessor(o, s)),
        new ProcessorFactory<FieldListOptions>("include_fields", (o, s) => new IncludeFieldsProcessor(o, s)),
        new ProcessorFactory<FromToOptions>("rename", FieldMover.Rename),
        new ProcessorFactory<FromToOptions>("copy_fields", FieldMover.Copy),
        new ProcessorFactory<TruncateFieldsOptions>("truncate_fields", (o, s) => new TruncateFieldsProcessor(o, s)),
        new ProcessorFactory<ConvertOptions>("convert", (o, s) => new ConvertProcessor(o, s)),
        new ProcessorFactory<FingerprintOptions>("fingerprint", (o, s) => new FingerprintProcessor(o, s)),
        new ProcessorFactory<RateLimitOptions>("rate_limit", (o, s) => new RateLimitProcessor(o, s)),
        new ProcessorFactory<AddHostMetadataOptions>("add_host_metadata", (o, s) => new AddHostMetadataProcessor(o, s)),
        new ProcessorFactory<AddProcessMetadataOptions>("add_process_metadata", (o, s) => new AddProcessMetadataProcessor(o, s)),
        new IfProcessorFactory(),
    ];
}
