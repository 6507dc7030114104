using Microsoft.Extensions.Logging;
using Shipper.Modules.Auditd.Control;
using Shipper.Modules.Auditd.Netlink;
using Shipper.Monitoring;
using Shipper.Pipeline;

namespace Shipper.Modules.Auditd;

/// <summary>
/// The running auditd module: reads the kernel's status, chooses the socket, installs rules through the
/// <see cref="IRuleInstaller"/> seam, applies settings, registers as the audit daemon (unicast), receives until
/// stopped, then unregisters and puts back the kernel settings it changed.
/// </summary>
public sealed class AuditdModule : IModule
{
    private static readonly TimeSpan KernelLostPollInterval = TimeSpan.FromSeconds(15);

    private readonly AuditdOptions _options;
    private readonly ILogger _logger;
    private readonly IMetricsRegistry? _metrics;
    private readonly IAuditMessageHandlerFactory _handlers;
    private readonly IRuleInstaller? _rules;
    private readonly Func<AuditSocketMode, int, AuditNetlinkClient> _open;
    private readonly Func<Version> _kernelRelease;

    public AuditdModule(AuditdOptions options, ILogger logger, IMetricsRegistry? metrics, IAuditMessageHandlerFactory? handlers, IRuleInstaller? rules)
        : this(options, logger, metrics, handlers, rules, AuditNetlinkClient.Open, KernelRelease.Current)
    {
    }

    internal AuditdModule(
        AuditdOptions options,
        ILogger logger,
        IMetricsRegistry? metrics,
        IAuditMessageHandlerFactory? handlers,
        IRuleInstaller? rules,
        Func<AuditSocketMode, int, AuditNetlinkClient> open,
        Func<Version> kernelRelease)
    {
        _options = options;
        _logger = logger;
        _metrics = metrics;
        _handlers = handlers ?? new Processing.AuditEventPumpFactory();
        _rules = rules;
        _open = open;
        _kernelRelease = kernelRelease;
    }

    public async Task RunAsync(IPipelineClient client, CancellationToken cancellationToken)
    {
        using var controlClient = _open(AuditSocketMode.Unicast, 0);
        var control = new AuditControl(controlClient, _options, _logger);
        var found = control.ReadStatus();
        var mode = SocketModeChooser.Choose(_options, _kernelRelease(), found.Enabled, out var reason);
        _logger.LogInformation("Receiving audit events with a {Mode} socket ({Reason})", mode.ToString().ToLowerInvariant(), reason);
        if (_options.HasRules && found.Enabled != 2)
        {
            var rules = _rules ?? throw new InvalidOperationException("audit rules are configured but no IRuleInstaller is registered");
            rules.Install(controlClient, _options, _logger);
        }

        control.Apply(mode);
        try
        {
            using var events = _open(mode, _options.ReceiveBufferSize);
            if (mode == AuditSocketMode.Unicast)
            {
                control.Register(events);
            }

            control.LockIfImmutable();
            await ReceiveAsync(client, events, controlClient, control, found, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            control.Unregister();
            control.Restore();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task ReceiveAsync(IPipelineClient client, AuditNetlinkClient events, AuditNetlinkClient controlClient, AuditControl control, AuditStatus found, CancellationToken cancellationToken)
    {
        var handler = _handlers.Create(new AuditMessageHandlerContext(client, _options, control.Backpressure, _logger, _metrics, cancellationToken));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var receiving = new AuditReceiver(events, handler, _logger, _metrics).RunAsync(stop.Token);
            var polling = PollKernelLostAsync(controlClient, found.Lost, stop.Token);
            try
            {
                await receiving.ConfigureAwait(false);
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await polling.ConfigureAwait(false);
            }
        }
        finally
        {
            (handler as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// Keeps <c>auditd.kernel_lost</c> (and its alias <c>auditd.lost</c>) at the kernel's lost count since start and
    /// <c>auditd.backlog</c> at the records waiting in the kernel's queue.
    /// </summary>
    private async Task PollKernelLostAsync(AuditNetlinkClient controlClient, uint lostAtStart, CancellationToken cancellationToken)
    {
        var kernelLost = _metrics?.Counter("auditd.kernel_lost");
        var lost = _metrics?.Counter("auditd.lost");
        var backlog = _metrics?.Counter("auditd.backlog");
        if (kernelLost is null || lost is null || backlog is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(KernelLostPollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    var status = controlClient.GetStatus();
                    kernelLost.Set(unchecked(status.Lost - lostAtStart));
                    lost.Set(kernelLost.Value);
                    backlog.Set(status.Backlog);
                }
                catch (AuditKernelException e)
                {
                    _logger.LogDebug("Could not read the kernel's lost count: {Message}", e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
