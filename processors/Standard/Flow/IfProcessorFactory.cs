using Shipper.Config;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Flow;

/// <summary>
/// Builds <c>if</c>/<c>then</c>/<c>else</c> blocks. The host hands over the whole list entry (the three keys sit side
/// by side); the nested lists are built by the host's chain builder, so any installed processor may appear in them.
/// </summary>
internal sealed class IfProcessorFactory : IProcessorFactory
{
    public string Type => "if";

    public IProcessor Create(ProcessorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var support = new ProcessorSupport(Type, context);
        var options = context.Config.Bind<IfOptions>();
        if (options.If is null)
        {
            throw context.Config.Error("if", "needs a condition block, e.g. if: {equals: {event.action: executed}}");
        }

        if (options.Then is null)
        {
            throw context.Config.Error("then", "an 'if' block needs a 'then' list of processors");
        }

        var chains = context.Services.GetService(typeof(IProcessorChainBuilder)) as IProcessorChainBuilder
            ?? throw new ConfigException("'if' blocks need the host's processor chain builder", context.Config.Path, context.Config.Location);
        var condition = support.Conditions.Create(options.If);
        var then = chains.Build(options.Then);
        var otherwise = options.Else is null ? [] : chains.Build(options.Else);
        return new IfProcessor(support, condition, [.. then], [.. otherwise]);
    }
}
