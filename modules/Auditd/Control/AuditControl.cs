using Microsoft.Extensions.Logging;
using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Control;

/// <summary>
/// Applies the module's kernel settings on start and puts back on stop what it changed, except settings the user
/// configured explicitly. In unicast mode every setting is applied (with its default when not configured); in
/// multicast mode, where another daemon usually owns the kernel's settings, only <c>enabled</c> and the settings
/// written in the configuration are, and the PID is never registered. Not thread-safe.
/// </summary>
public sealed class AuditControl
{
    private readonly AuditNetlinkClient _client;
    private readonly AuditdOptions _options;
    private readonly ILogger _logger;
    private readonly uint _self = (uint)Environment.ProcessId;
    private AuditStatusUpdate _restore = new();
    private bool _registered;
    private bool _locked;

    /// <summary>Works through <paramref name="client"/>, a unicast client for requests (not the one events arrive on).</summary>
    public AuditControl(AuditNetlinkClient client, AuditdOptions options, ILogger logger)
    {
        _client = client;
        _options = options;
        _logger = logger;
    }

    /// <summary>The kernel's status when <see cref="ReadStatus"/> first ran.</summary>
    public AuditStatus? Found { get; private set; }

    /// <summary>What <c>backpressure_strategy</c> resolved to, after <see cref="Apply"/>.</summary>
    public BackpressurePlan Backpressure { get; private set; }

    /// <summary>The values that <see cref="Restore"/> will put back.</summary>
    public AuditStatusUpdate PendingRestore => _restore;

    /// <summary>Reads the kernel's status and remembers it as found.</summary>
    public AuditStatus ReadStatus() => Found ??= _client.GetStatus();

    /// <summary>Sends the settings that differ from what was found and remembers what to put back.</summary>
    /// <exception cref="AuditKernelException">The kernel refused (e.g. EPERM when not root).</exception>
    public void Apply(AuditSocketMode mode)
    {
        var found = ReadStatus();
        Backpressure = BackpressurePlan.Resolve(_options.BackpressureStrategy, found.FeatureBitmap);
        if (found.Enabled == 2)
        {
            _logger.LogWarning("The audit configuration is locked (enabled 2) until reboot; the kernel keeps its settings (failure {Failure}, backlog_limit {BacklogLimit}, rate_limit {RateLimit})", found.Failure, found.BacklogLimit, found.RateLimit);
            return;
        }

        var (apply, restore) = Plan(found, mode, Backpressure);
        _client.SetStatus(apply);
        _restore = restore;
        if (!apply.IsEmpty)
        {
            _logger.LogInformation("Applied audit settings {Settings}; on stop these are put back: {Restore}", apply, restore);
        }
    }

    /// <summary>Registers this process as the audit daemon on <paramref name="events"/>, the socket events will arrive on (unicast only).</summary>
    /// <exception cref="AuditKernelException">Another daemon is registered (its PID and command are named).</exception>
    public void Register(AuditNetlinkClient events)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.SetStatus(new AuditStatusUpdate { Pid = _self });
        _registered = true;
    }

    /// <summary>Locks the configuration (enabled 2) when <c>immutable</c> is set. Nothing can be restored afterwards.</summary>
    public void LockIfImmutable()
    {
        if (!_options.Immutable)
        {
            return;
        }

        _client.SetStatus(new AuditStatusUpdate { Enabled = 2 });
        _locked = true;
        _logger.LogInformation("Locked the audit configuration (immutable): rules and settings cannot change until reboot");
    }

    /// <summary>Unregisters this process if it is still the registered daemon; never throws.</summary>
    public void Unregister()
    {
        if (!_registered)
        {
            return;
        }

        _registered = false;
        Try("unregister the audit daemon PID", () =>
        {
            if (_client.GetStatus().Pid == _self)
            {
                _client.SetStatus(new AuditStatusUpdate { Pid = 0 });
            }
        });
    }

    /// <summary>True once the configuration was locked (<c>immutable</c>): nothing about the kernel can change until reboot.</summary>
    public bool IsLocked => _locked;

    /// <summary>Puts back the values <see cref="Apply"/> changed that the user did not configure; never throws.</summary>
    public void Restore()
    {
        if (_locked)
        {
            _logger.LogInformation("The audit configuration is locked (immutable); kernel settings stay as they are");
            return;
        }

        var restore = _restore;
        _restore = new AuditStatusUpdate();
        Try("restore audit settings", () => _client.SetStatus(restore));
    }

    internal (AuditStatusUpdate Apply, AuditStatusUpdate Restore) Plan(AuditStatus found, AuditSocketMode mode, BackpressurePlan plan)
    {
        var all = mode == AuditSocketMode.Unicast;
        var apply = new AuditStatusUpdate();
        var restore = new AuditStatusUpdate();
        if (found.Enabled == 0)
        {
            (apply, restore) = (apply with { Enabled = 1 }, restore with { Enabled = 0 });
        }

        if (Wanted("failure_mode", all, (uint)_options.FailureMode, found.Failure) is { } failure)
        {
            (apply, restore) = (apply with { Failure = failure }, Keep("failure_mode") ? restore : restore with { Failure = found.Failure });
        }

        if (Wanted("backlog_limit", all, _options.BacklogLimit, found.BacklogLimit) is { } backlog)
        {
            (apply, restore) = (apply with { BacklogLimit = backlog }, Keep("backlog_limit") ? restore : restore with { BacklogLimit = found.BacklogLimit });
        }

        // The documented userspace strategy (alone or in `both`) caps an unset rate limit. Auditbeat's code skips this
        // for `both`; its documentation, which we follow, says both strategies apply together.
        var rate = !Keep("rate_limit") && plan.Userspace && _options.RateLimit == 0 ? BackpressurePlan.UserspaceRateLimit : _options.RateLimit;
        if (Wanted("rate_limit", all, rate, found.RateLimit) is { } rateLimit)
        {
            (apply, restore) = (apply with { RateLimit = rateLimit }, Keep("rate_limit") ? restore : restore with { RateLimit = found.RateLimit });
        }

        var wait = _options.BacklogWaitTime ?? (all && plan.Kernel ? 0u : null);
        if (found.HasBacklogWaitTime && wait is { } w && w != found.BacklogWaitTime)
        {
            (apply, restore) = (apply with { BacklogWaitTime = w }, Keep("backlog_wait_time") ? restore : restore with { BacklogWaitTime = found.BacklogWaitTime });
        }

        return (apply, restore);
    }

    private bool Keep(string key) => _options.IsConfigured(key);

    private uint? Wanted(string key, bool all, uint value, uint current) =>
        (all || Keep(key)) && value != current ? value : null;

    private void Try(string operation, Action action)
    {
        try
        {
            action();
        }
        catch (AuditKernelException e)
        {
            _logger.LogWarning("Could not {Operation}: {Message}", operation, e.Message);
        }
    }
}
