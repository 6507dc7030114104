namespace Shipper.Modules.Auditd.Parsing;

/// <summary>The time in a record's <c>audit(SECONDS.FRACTION:SERIAL)</c> header.</summary>
/// <param name="Seconds">Seconds since the Unix epoch.</param>
/// <param name="Nanoseconds">The fraction, as nanoseconds (the kernel writes milliseconds).</param>
public readonly record struct AuditTimestamp(long Seconds, int Nanoseconds)
{
    /// <summary>Milliseconds since the Unix epoch.</summary>
    public long UnixMilliseconds => (Seconds * 1000) + (Nanoseconds / 1_000_000);

    /// <summary>The time as a <see cref="DateTimeOffset"/> (UTC, 100 ns precision).</summary>
    public DateTimeOffset ToDateTimeOffset() =>
        DateTimeOffset.FromUnixTimeSeconds(Seconds).AddTicks(Nanoseconds / 100);
}
