namespace Shipper.Modules.Auditd.Reassembly;

/// <summary>Why an event left the reassembler.</summary>
public enum CompletionReason
{
    /// <summary>Its end-of-event record (EOE) arrived.</summary>
    EndOfEvent,

    /// <summary>A record type that is a whole event by itself (user-space messages).</summary>
    Standalone,

    /// <summary>Its PROCTITLE record, the last one the kernel writes for a syscall (audit.log input).</summary>
    Proctitle,

    /// <summary>No end marker is expected and the quiet time passed after a later serial was seen.</summary>
    Quiet,

    /// <summary>Forced: it waited longer than <c>max_age</c> for its end-of-event record.</summary>
    Age,

    /// <summary>Forced: the reassembler held more than <c>max_bytes</c>.</summary>
    Memory,

    /// <summary>The input ended or the module stopped.</summary>
    EndOfInput,
}
