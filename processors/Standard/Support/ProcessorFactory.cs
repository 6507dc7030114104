namespace Shipper.Processors.Standard.Support;

/// <summary>
/// Creates one processor type: binds its options strictly (unknown keys and wrong types name the key and line),
/// builds the processor and wraps it in its <c>when</c> condition when there is one.
/// </summary>
internal sealed class ProcessorFactory<TOptions>(string type, Func<TOptions, ProcessorSupport, IProcessor> create) : IProcessorFactory
    where TOptions : ProcessorOptions, new()
{
    public string Type => type;

    public IProcessor Create(ProcessorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var support = new ProcessorSupport(type, context);
        var options = context.Config.Bind<TOptions>();
        var processor = create(options, support);
        return options.When is { } when ? new ConditionalProcessor(processor, support.Conditions.Create(when)) : processor;
    }
}
