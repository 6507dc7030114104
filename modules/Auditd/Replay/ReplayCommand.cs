using System.Diagnostics;
using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using Shipper.Commands;
using Shipper.Config;
using Shipper.Hosting;
using Shipper.Modules.Auditd.Normalization;
using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Replay;

/// <summary>
/// <c>shipper replay [-c FILE] [--stdout] LOG…</c>: turns audit.log files (raw or enriched, <c>.gz</c> too,
/// <c>-</c> for stdin) into the same documents the live module publishes, through the configured processors and
/// output, and exits 0 when everything was delivered. Timestamps come from the records. The first
/// <c>- module: auditd</c> block's settings apply (include_raw_message, include_warnings, resolve_ids, reassembler).
/// <c>--stdout</c> writes the documents as NDJSON to stdout without processors or output.
/// </summary>
public sealed class ReplayCommand : ICommandContribution
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    public IReadOnlyList<string> Words { get; } = ["replay"];

    public string Summary => "Turn audit.log files into auditd events through the configured output (- for stdin; --stdout: NDJSON, no output)";

    public string? ModuleType => "auditd";

    public async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = new List<string>();
        var direct = false;
        foreach (var argument in context.Arguments)
        {
            if (argument == "--stdout")
            {
                direct = true;
            }
            else if (argument.StartsWith('-') && argument != "-")
            {
                return Usage(context, $"unknown option '{argument}'");
            }
            else
            {
                files.Add(argument);
            }
        }

        if (files.Count == 0)
        {
            return Usage(context, "no log file given");
        }

        var missing = files.FirstOrDefault(f => f != "-" && !File.Exists(f));
        if (missing is not null)
        {
            await context.Error.WriteLineAsync($"replay: {missing}: no such file").ConfigureAwait(false);
            return 1;
        }

        AuditdOptions options;
        ReassemblerOptions reassembler;
        try
        {
            options = context.ModuleConfig is { } config ? AuditdModuleFactory.Bind(config) : new AuditdOptions();
            reassembler = ReassemblerOptions.From(options.Reassembler);
        }
        catch (ConfigException e)
        {
            await context.Error.WriteLineAsync($"replay: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        var normalizer = NormalizerOptions.From(options);
        if (direct)
        {
            return Direct(context, files, reassembler, normalizer, cancellationToken);
        }

        var runner = context.Services.GetService<IEventSourceRunner>();
        if (runner is null)
        {
            await context.Error.WriteLineAsync("replay: this host cannot run the pipeline for a command; use --stdout").ConfigureAwait(false);
            return 1;
        }

        return await runner.RunAsync(
            "auditd",
            (client, token) => Task.Factory.StartNew(
                () => Replay(context, files, new AuditLogReplayer(reassembler, normalizer, e => client.Publish(e, token)), token),
                token,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default),
            cancellationToken).ConfigureAwait(false);
    }

    private static int Direct(CommandContext context, List<string> files, ReassemblerOptions reassembler, NormalizerOptions normalizer, CancellationToken cancellationToken)
    {
        using var stdout = Console.OpenStandardOutput();
        // From a pipe (-), events arrive over time: each line goes out at once, as it did from the live module.
        using var lines = new NdjsonEventWriter(ReferenceEquals(context.Out, Console.Out) ? stdout : new TextWriterStream(context.Out), lineByLine: files.Contains("-"));
        Replay(context, files, new AuditLogReplayer(reassembler, normalizer, lines), cancellationToken);
        return 0;
    }

    private static void Replay(CommandContext context, List<string> files, AuditLogReplayer replayer, CancellationToken cancellationToken)
    {
        var progress = Console.IsErrorRedirected || !ReferenceEquals(context.Error, Console.Error) ? null : Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        foreach (var file in files)
        {
            using var stream = Open(file);
            LogLineReader.ReadLines(stream, line =>
            {
                replayer.Feed(line);
                if (progress is not null && progress.Elapsed - lastProgress >= ProgressInterval)
                {
                    lastProgress = progress.Elapsed;
                    context.Error.Write($"\rreplay: {file}: {replayer.Records:N0} records, {replayer.Events:N0} events ({replayer.Records / progress.Elapsed.TotalSeconds:N0} records/s)");
                }
            }, cancellationToken);
        }

        replayer.Finish();
        if (progress is not null)
        {
            context.Error.WriteLine();
        }

        if (replayer.Skipped > 0 || replayer.Counters.SeqGaps.Value > 0)
        {
            context.Error.WriteLine($"replay: {replayer.Records} records, {replayer.Events} events; {replayer.Skipped} lines were not audit records; {replayer.Counters.SeqGaps.Value} serials missing");
        }
    }

    private static Stream Open(string file)
    {
        if (file == "-")
        {
            return Console.OpenStandardInput();
        }

        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        return file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    private static int Usage(CommandContext context, string problem)
    {
        context.Error.WriteLine($"replay: {problem}; usage: shipper replay [-c FILE] [--stdout] LOG... (- reads stdin)");
        return 2;
    }
}
