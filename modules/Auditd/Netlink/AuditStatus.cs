using System.Buffers.Binary;

namespace Shipper.Modules.Auditd.Netlink;

/// <summary>
/// The kernel's <c>struct audit_status</c> as returned by AUDIT_GET. Older kernels send fewer fields; those
/// not sent read as zero and <see cref="FieldCount"/> tells how many were present.
/// </summary>
public sealed record AuditStatus
{
    /// <summary>The size of the full structure on current kernels: 11 unsigned 32-bit fields.</summary>
    public const int WireLength = 44;

    /// <summary>The shortest layout accepted (Linux 2.6.32: mask through backlog).</summary>
    public const int MinimumWireLength = 32;

    public uint Mask { get; init; }

    /// <summary>0 off, 1 on, 2 on and locked (immutable until reboot).</summary>
    public uint Enabled { get; init; }

    /// <summary>0 silent, 1 printk, 2 panic.</summary>
    public uint Failure { get; init; }

    /// <summary>The registered audit daemon's PID, 0 when none.</summary>
    public uint Pid { get; init; }

    public uint RateLimit { get; init; }

    public uint BacklogLimit { get; init; }

    public uint Lost { get; init; }

    public uint Backlog { get; init; }

    /// <summary>AUDIT_FEATURE_BITMAP_* bits (before Linux 3.19: the API version).</summary>
    public uint FeatureBitmap { get; init; }

    /// <summary>How long (in kernel ticks) a writer waits when the backlog is full.</summary>
    public uint BacklogWaitTime { get; init; }

    /// <summary>Total ticks writers spent waiting on a full backlog (Linux 5.10 and newer).</summary>
    public uint BacklogWaitTimeActual { get; init; }

    /// <summary>How many 32-bit fields the kernel sent (8 to 11).</summary>
    public int FieldCount { get; init; } = WireLength / 4;

    /// <summary>Whether the kernel sent <see cref="BacklogWaitTime"/>.</summary>
    public bool HasBacklogWaitTime => FieldCount >= 10;

    /// <summary>Whether the kernel sent <see cref="BacklogWaitTimeActual"/>.</summary>
    public bool HasBacklogWaitTimeActual => FieldCount >= 11;

    /// <summary>
    /// Reads the structure from an AUDIT_GET payload. Fields beyond the payload are zero; bytes beyond the
    /// fields known here (a newer kernel) are ignored.
    /// </summary>
    /// <exception cref="InvalidDataException">The payload is shorter than the oldest layout.</exception>
    public static AuditStatus Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < MinimumWireLength)
        {
            throw new InvalidDataException($"audit status reply is {payload.Length} bytes, expected at least {MinimumWireLength}");
        }

        Span<byte> full = stackalloc byte[WireLength];
        full.Clear();
        var known = Math.Min(payload.Length, WireLength);
        payload[..known].CopyTo(full);
        return new AuditStatus
        {
            Mask = Field(full, 0),
            Enabled = Field(full, 1),
            Failure = Field(full, 2),
            Pid = Field(full, 3),
            RateLimit = Field(full, 4),
            BacklogLimit = Field(full, 5),
            Lost = Field(full, 6),
            Backlog = Field(full, 7),
            FeatureBitmap = Field(full, 8),
            BacklogWaitTime = Field(full, 9),
            BacklogWaitTimeActual = Field(full, 10),
            FieldCount = known / 4,
        };
    }

    private static uint Field(ReadOnlySpan<byte> full, int index) => BinaryPrimitives.ReadUInt32LittleEndian(full[(index * 4)..]);
}
