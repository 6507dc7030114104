using Microsoft.Extensions.DependencyInjection;
using Shipper.Commands;
using Shipper.Config;
using Shipper.Events;
using Shipper.Modules;
using Shipper.Pipeline;
using Shipper.Plugins;

namespace Acme.Shipper.SampleModule;

/// <summary>A third-party plugin: module type <c>sample</c> and the command <c>show sample-greeting</c>.</summary>
public sealed class SamplePlugin : IShipperPlugin
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IModuleFactory, SampleModuleFactory>();
        services.AddSingleton<ICommandContribution, SampleGreetingCommand>();
        services.AddSingleton<ICommandContribution, SampleOutputKeysCommand>();
    }
}

public sealed class SampleOptions : IValidatable
{
    public int Count { get; set; } = 3;

    public string Message { get; set; } = "hello";

    /// <summary>Keep running after publishing, until the shipper is stopped.</summary>
    public bool KeepRunning { get; set; }

    public void Validate(ValidationErrors errors) => errors.InRange("count", Count, 0, 1_000_000);
}

public sealed class SampleModuleFactory : IModuleFactory
{
    public string Type => "sample";

    public IModule Create(ModuleContext context) => new SampleModule(context.Config.Bind<SampleOptions>());
}

/// <summary>Publishes <c>count</c> events, then returns (so a run with only this module ends by itself) unless <c>keep_running</c>.</summary>
public sealed class SampleModule(SampleOptions options) : IModule
{
    public async Task RunAsync(IPipelineClient client, CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.Count; i++)
        {
            var e = new Event(DateTimeOffset.UtcNow);
            e.Fields.Put("message", options.Message);
            e.Fields.Put("sample.sequence", i);
            e.Fields.Put("event.module", "sample");
            await client.PublishAsync(e, cancellationToken);
        }

        if (options.KeepRunning)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public sealed class SampleGreetingCommand : ICommandContribution
{
    public IReadOnlyList<string> Words { get; } = ["show", "sample-greeting"];

    public string Summary => "Prints the sample module's configured message";

    public string? ModuleType => "sample";

    public Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var options = context.ModuleConfig?.Bind<SampleOptions>() ?? new SampleOptions();
        context.Out.WriteLine($"greeting: {options.Message}");
        return Task.FromResult(0);
    }
}

/// <summary>A command that asks for an output block (as <c>setup</c> asks for <c>output.elasticsearch</c>).</summary>
public sealed class SampleOutputKeysCommand : ICommandContribution
{
    public IReadOnlyList<string> Words { get; } = ["show", "sample-output"];

    public string Summary => "Prints the keys of output.console as the command receives them";

    public string? ModuleType => null;

    public string? OutputType => "console";

    public Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        context.Out.WriteLine(context.OutputConfig is null ? "no output block" : "keys: " + string.Join(",", context.OutputConfig.Keys));
        return Task.FromResult(0);
    }
}
