using Shipper.Config;

namespace Shipper.Modules.Auditd.Reassembly;

/// <summary>
/// The module's <c>reassembler.*</c> block. Events are bounded by memory and age, never by a small count:
/// under load one event's records can arrive tens of thousands of records apart.
/// </summary>
public sealed class ReassemblerOptions : IValidatable
{
    /// <summary>
    /// <c>reassembler.max_bytes</c>: memory held by events still being assembled. When exceeded, the oldest
    /// events are flushed as they are (counted in <c>auditd.events_flushed_incomplete</c>). Default 64 MiB.
    /// </summary>
    public long MaxBytes { get; set; } = 64L << 20;

    /// <summary>
    /// <c>reassembler.max_age</c>: how long an event that has its SYSCALL record waits for its end-of-event record
    /// after its last record arrived, before it is flushed incomplete. Default 30s.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>reassembler.quiet_time</c>: an event with no end marker (no EOE in audit.log files; a kernel record
    /// outside a syscall) is complete once a later serial was seen and this long passed without a record for it.
    /// In audit.log files the time is the records' own time. Default 2s.
    /// </summary>
    public TimeSpan QuietTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// <c>reassembler.late_window</c>: how many recently completed serials are remembered, so that a record arriving
    /// after its event was flushed is dropped (<c>auditd.reassembler_late_records</c>) instead of becoming a broken
    /// second event. Default 65536.
    /// </summary>
    public int LateWindow { get; set; } = 65536;

    /// <summary>Binds the module's <c>reassembler</c> block (defaults when absent); throws a located config error when invalid.</summary>
    public static ReassemblerOptions From(IConfigSection? section) => section?.Bind<ReassemblerOptions>() ?? new ReassemblerOptions();

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.InRange("max_bytes", MaxBytes, 64 << 10, 16L << 30);
        errors.InRange("late_window", LateWindow, 0, 1 << 24);
        if (MaxAge <= TimeSpan.Zero)
        {
            errors.Add("max_age", "must be positive");
        }

        if (QuietTime <= TimeSpan.Zero)
        {
            errors.Add("quiet_time", "must be positive");
        }
    }
}
