using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shipper.Cli.CommandLine;
using Shipper.Commands;
using Shipper.Config;
using Shipper.Core.Config;
using Shipper.Core.Hosting;
using Shipper.Core.Logging;
using Shipper.Core.Plugins;
using Shipper.Hosting;

namespace Shipper.Cli;

/// <summary>
/// The <c>shipper</c> command: parses the line, loads configuration and plugins only when the command needs
/// them, and maps every failure to an exit code with a message a person can act on.
/// </summary>
internal sealed class ShipperApp(TextWriter stdout, TextWriter stderr, string baseDirectory)
{
    /// <summary>Runs the command line; returns the exit code.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken stop)
    {
        try
        {
            var cli = CliParser.Parse(args);
            var (command, rest) = SplitBuiltIn(cli.Words);
            if (command == "version")
            {
                return Version(rest, cli);
            }

            if (cli.Help || command == "help")
            {
                return Help(cli.Words.Count == 0 ? null : command, rest, cli);
            }

            if (command is not null && rest.Count > 0)
            {
                throw new UsageException($"'{command}' takes no argument '{rest[0]}'");
            }

            return await WithRuntimeAsync(cli, command, rest, stop);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"shipper: {e.Message}{Environment.NewLine}Run 'shipper --help' for usage.");
            return ExitCodes.UsageOrConfig;
        }
        catch (ConfigException e)
        {
            await stderr.WriteLineAsync($"shipper: configuration error: {e.Message}");
            return ExitCodes.UsageOrConfig;
        }
        catch (PluginLoadException e)
        {
            await stderr.WriteLineAsync($"shipper: plugin error: {e.Message}");
            return ExitCodes.RuntimeFailure;
        }
    }

    private static (string? Command, List<string> Arguments) SplitBuiltIn(List<string> words)
    {
        if (words.Count == 0)
        {
            return ("run", []);
        }

        if (words.Count >= 2 && HelpText.IsBuiltIn($"{words[0]} {words[1]}"))
        {
            return ($"{words[0]} {words[1]}", words[2..]);
        }

        return words[0] switch
        {
            "run" or "version" => (words[0], words[1..]),
            "help" => ("help", words[1..]),
            "test" or "export" => throw new UsageException($"'{words[0]}' needs a subcommand: " + (words[0] == "test" ? "'test config' or 'test output'" : "'export config'")),
            _ => (null, words),
        };
    }

    private int Version(List<string> rest, CliArguments cli)
    {
        if (cli.Help)
        {
            stdout.WriteLine(HelpText.ForCommand("version"));
            return ExitCodes.Success;
        }

        if (rest.Count > 0)
        {
            throw new UsageException($"'version' takes no argument '{rest[0]}'");
        }

        var arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        stdout.WriteLine($"shipper version {AgentIdentity.Version} ({arch}), .NET {Environment.Version}");
        return ExitCodes.Success;
    }

    private int Help(string? command, List<string> rest, CliArguments cli)
    {
        if (command is not null and not "help" && HelpText.IsBuiltIn(command))
        {
            stdout.WriteLine(HelpText.ForCommand(command));
            return ExitCodes.Success;
        }

        // Plugin commands are listed from the installed plugins; configuration is not needed for help.
        var home = cli.Paths.TryGetValue("home", out var h) ? Path.GetFullPath(h) : HomeLocator.Find(baseDirectory);
        var commands = DiscoverCommands(home);
        var words = command == "help" ? rest : cli.Words;
        var match = commands
            .Where(c => c.Words.Count <= words.Count && c.Words.SequenceEqual(words.Take(c.Words.Count), StringComparer.Ordinal))
            .MaxBy(c => c.Words.Count);
        stdout.WriteLine(match is null ? HelpText.Overview(commands) : HelpText.ForContributed(match));
        return ExitCodes.Success;
    }

    private static List<ICommandContribution> DiscoverCommands(string home)
    {
        var services = new ServiceCollection();
        try
        {
            PluginAssemblyLoader.LoadInto(services, PluginDiscovery.Discover(home));
        }
        catch (PluginLoadException)
        {
            return [];
        }

        // Commands are created only to read their words and summaries, with no host services besides logging.
        services.AddSingleton<ILoggerFactory>(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        using var provider = services.BuildServiceProvider();
        try
        {
            return [.. provider.GetServices<ICommandContribution>()];
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }

    private async Task<int> WithRuntimeAsync(CliArguments cli, string? command, List<string> rest, CancellationToken stop)
    {
        var config = ConfigLoader.Load(new ConfigLoadRequest
        {
            Files = cli.ConfigFiles,
            Overrides = cli.Overrides,
            StrictPermissions = cli.StrictPermissions,
            PathFlags = cli.Paths,
            DefaultHome = HomeLocator.Find(baseDirectory),
        });
        using var loggers = LoggingSetup.Create(config.Options.Logging, config.Paths, cli.LogToStderr, cli.DebugSelectors, stderr);
        ShipperRuntime? runtime = null;
        runtime = ShipperRuntime.Create(
            config,
            loggers,
            persistAgentId: command == "run",
            services => services.AddSingleton<IEventSourceRunner>(new EventSourceRunner(() => runtime!)));
        await using (runtime)
        {
            return command switch
            {
                "run" => await new ShipperService(runtime).RunAsync(stop),
                "test config" => await TestConfigAsync(runtime),
                "test output" => await TestOutputAsync(runtime, stop),
                "export config" => ExportConfig(config),
                _ => await RunContributedAsync(runtime, loggers, rest, stop),
            };
        }
    }

    private async Task<int> TestConfigAsync(ShipperRuntime runtime)
    {
        foreach (var module in runtime.CreateModules())
        {
            await module.Module.DisposeAsync();
        }

        runtime.CreateGlobalProcessors();
        var output = runtime.CreateOutput();
        await output.Output.DisposeAsync();
        await stdout.WriteLineAsync("Config OK");
        return ExitCodes.Success;
    }

    private async Task<int> TestOutputAsync(ShipperRuntime runtime, CancellationToken stop)
    {
        var output = runtime.CreateOutput();
        await using var _ = output.Output;
        bool ok;
        try
        {
            ok = await output.Output.TestAsync(stdout, stop);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stdout.WriteLineAsync($"{output.Type}: {e.Message}");
            ok = false;
        }

        await stdout.WriteLineAsync(ok ? "Output OK" : $"output.{output.Type} cannot deliver events (see above)");
        return ok ? ExitCodes.Success : ExitCodes.RuntimeFailure;
    }

    private int ExportConfig(LoadedConfig config)
    {
        stdout.Write(config.ToYaml(maskSecrets: true));
        return ExitCodes.Success;
    }

    private async Task<int> RunContributedAsync(ShipperRuntime runtime, ILoggerFactory loggers, List<string> words, CancellationToken stop)
    {
        var command = runtime.FindCommand(words)
            ?? throw new UsageException($"unknown command '{string.Join(' ', words)}'");
        var moduleConfig = command.ModuleType is null ? null : runtime.FindModuleBlock(command.ModuleType);
        var outputConfig = command.OutputType is null ? null : runtime.FindOutputBlock(command.OutputType);
        var context = new CommandContext(words[command.Words.Count..], stdout, stderr, moduleConfig, loggers, runtime.Services, outputConfig);
        return await command.RunAsync(context, stop);
    }
}
