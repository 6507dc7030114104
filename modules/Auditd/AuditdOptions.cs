using Shipper.Config;

namespace Shipper.Modules.Auditd;

/// <summary>The settings of a <c>- module: auditd</c> block, with Auditbeat's defaults.</summary>
public sealed class AuditdOptions : IValidatable
{
    /// <summary>The kernel refuses a backlog_wait_time above 10 minutes; at the highest tick rate (1000 Hz) that is this many ticks.</summary>
    public const uint MaxBacklogWaitTime = 600_000;

    /// <summary><c>resolve_ids</c>: resolve uids and gids to names. Default true.</summary>
    public bool ResolveIds { get; set; } = true;

    /// <summary><c>failure_mode</c>: silent, log or panic. Default silent.</summary>
    public FailureMode FailureMode { get; set; } = FailureMode.Silent;

    /// <summary><c>backlog_limit</c>: audit messages the kernel buffers. Default 8192.</summary>
    public uint BacklogLimit { get; set; } = 8192;

    /// <summary><c>rate_limit</c>: messages per second the kernel delivers; 0 (the default) is unlimited.</summary>
    public uint RateLimit { get; set; }

    /// <summary><c>include_raw_message</c>: add the raw records to each event. Default false.</summary>
    public bool IncludeRawMessage { get; set; }

    /// <summary><c>include_warnings</c>: add parsing problems to each event (and the raw records). Default false.</summary>
    public bool IncludeWarnings { get; set; }

    /// <summary><c>backpressure_strategy</c>: auto, kernel, userspace, both or none. Default auto.</summary>
    public BackpressureStrategy BackpressureStrategy { get; set; } = BackpressureStrategy.Auto;

    /// <summary><c>socket_type</c>: unicast or multicast; unset (auto) picks multicast on 3.16+ kernels when no rules are configured.</summary>
    public SocketType SocketType { get; set; } = SocketType.Auto;

    /// <summary><c>audit_rules</c>: rules in auditctl syntax, one per line, <c>#</c> comments. Default none.</summary>
    public string? AuditRules { get; set; }

    /// <summary><c>audit_rule_files</c>: globs of rule files, loaded after <see cref="AuditRules"/> in lexicographical order.</summary>
    public List<string> AuditRuleFiles { get; set; } = [];

    /// <summary>
    /// <c>ignore_errors</c>: log and skip rules that cannot be parsed or that the kernel refuses, instead of
    /// refusing to start. Default false.
    /// </summary>
    public bool IgnoreErrors { get; set; }

    /// <summary><c>immutable</c>: lock the audit configuration after start (enabled 2) until reboot. Default false; not with multicast.</summary>
    public bool Immutable { get; set; }

    /// <summary>
    /// <c>backlog_wait_time</c>: kernel ticks a process waits when the backlog is full, as
    /// <c>auditctl --backlog_wait_time</c>. Unset (the default) leaves the kernel's value, except that the kernel
    /// backpressure strategy sets 0.
    /// </summary>
    public uint? BacklogWaitTime { get; set; }

    /// <summary><c>receive_buffer_size</c>: bytes of the event socket's receive buffer. Default 8 MiB; 0 keeps the system's.</summary>
    public int ReceiveBufferSize { get; set; } = 8 << 20;

    /// <summary><c>reassembler.*</c>: passed unbound to the event pipeline, which binds it.</summary>
    public IConfigSection? Reassembler { get; set; }

    /// <summary>
    /// The keys written in the configuration block (not bound from it). Settings the user wrote are kept on stop;
    /// the others are restored to what the kernel had. Filled by the module factory.
    /// </summary>
    [ConfigIgnore]
    public IReadOnlySet<string> ConfiguredKeys { get; set; } = new HashSet<string>();

    /// <summary>True when <paramref name="key"/> (e.g. <c>backlog_limit</c>) was written in the configuration.</summary>
    public bool IsConfigured(string key) => ConfiguredKeys.Contains(key);

    /// <summary>
    /// How many rules the configured <see cref="AuditRules"/> and <see cref="AuditRuleFiles"/> yield, once read by the
    /// rule installer (the module factory fills it); null before.
    /// </summary>
    [ConfigIgnore]
    public int? LoadedRuleCount { get; set; }

    /// <summary>
    /// True when the configuration defines rules: once loaded, when it yielded at least one; before that, when
    /// <see cref="AuditRules"/> holds a rule line or any rule file is configured.
    /// </summary>
    public bool HasRules => LoadedRuleCount is { } loaded ? loaded > 0 : DefinesRules;

    /// <summary>True when <see cref="AuditRules"/> holds a rule line or any rule file is configured (not yet read).</summary>
    public bool DefinesRules =>
        AuditRuleFiles.Count > 0
        || (AuditRules ?? string.Empty).Split('\n').Select(l => l.Trim()).Any(l => l.Length > 0 && !l.StartsWith('#'));

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Immutable && SocketType == SocketType.Multicast)
        {
            errors.Add("immutable", "cannot be used with socket_type: multicast (locking the configuration needs the unicast daemon connection)");
        }

        if (BacklogWaitTime > MaxBacklogWaitTime)
        {
            errors.Add("backlog_wait_time", $"must be between 0 and {MaxBacklogWaitTime} kernel ticks, got {BacklogWaitTime}");
        }

        errors.InRange("receive_buffer_size", ReceiveBufferSize, 0, 1L << 30);
        for (var i = 0; i < AuditRuleFiles.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(AuditRuleFiles[i]))
            {
                errors.Add($"audit_rule_files.{i}", "must not be empty");
            }
        }
    }
}
