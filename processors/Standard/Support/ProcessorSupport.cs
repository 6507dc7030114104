using Microsoft.Extensions.Logging;
using Shipper.Config;
using Shipper.Monitoring;
using Shipper.Processors.Standard.Conditions;

namespace Shipper.Processors.Standard.Support;

/// <summary>What a processor is built with: its settings, logger, counters, clock and the condition compiler.</summary>
internal sealed class ProcessorSupport
{
    public ProcessorSupport(string type, ProcessorContext context)
    {
        Type = type;
        Config = context.Config;
        Position = context.Position;
        Logger = context.Logger;
        Services = context.Services;
        Metrics = Services.GetService(typeof(IMetricsRegistry)) as IMetricsRegistry;
        Time = Services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        Conditions = Services.GetService(typeof(IConditionFactory)) as IConditionFactory ?? new ConditionFactory();
        Name = Config.Path.EndsWith(type, StringComparison.Ordinal) ? Config.Path : $"{type} ({Config.Path})";
        Errors = new ProcessorErrors(type, Name, Metrics, Logger, Time);
    }

    /// <summary>The processor's name in configuration, e.g. <c>rename</c>.</summary>
    public string Type { get; }

    /// <summary>How logs name this instance: its key path, e.g. <c>processors.2.rename</c>.</summary>
    public string Name { get; }

    public IConfigSection Config { get; }

    public int Position { get; }

    public ILogger Logger { get; }

    public IServiceProvider Services { get; }

    public IMetricsRegistry? Metrics { get; }

    public TimeProvider Time { get; }

    public IConditionFactory Conditions { get; }

    public ProcessorErrors Errors { get; }

    /// <summary>A counter in the host's registry (or a private one when the host has none).</summary>
    public MetricCounter Counter(string name) => Metrics?.Counter(name) ?? new MetricCounter(name);

    /// <summary>Parses a field path written at <paramref name="key"/>, or throws a located error.</summary>
    public FieldPath Path(string key, string? text) =>
        FieldPath.TryParse(text) ?? throw Config.Error(key, $"'{text}' is not a field path (dotted names such as process.name)");

    /// <summary>Parses a list of field paths written at <paramref name="key"/>.</summary>
    public FieldPath[] Paths(string key, IReadOnlyList<string> texts)
    {
        var paths = new FieldPath[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            paths[i] = Path($"{key}.{i}", texts[i]);
        }

        return paths;
    }
}
