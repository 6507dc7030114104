namespace Shipper.Outputs.Console;

/// <summary>Creates <c>output.console</c>: NDJSON on stdout.</summary>
public sealed class ConsoleOutputFactory : IOutputFactory
{
    /// <inheritdoc />
    public string Type => "console";

    /// <inheritdoc />
    public IOutput Create(OutputContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Config.Bind<ConsoleOutputOptions>();
        return new ConsoleOutput(options, System.Console.OpenStandardOutput(), context.Metrics);
    }
}
